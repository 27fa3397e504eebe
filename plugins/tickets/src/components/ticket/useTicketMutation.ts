import { useCallback, useState } from 'react';
import { isConflict, messageOf } from '../../errors';

export type MutationResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly conflict: boolean;
      readonly message: string;
    };

/** A change to the ticket, reloading it after; rejects keep the reason for the page. */
export type Mutate = (
  change: () => Promise<unknown>,
) => Promise<MutationResult>;

/**
 * Runs changes to a ticket and reloads it after each. A 409 means the page
 * acted on a stale version: it reloads and says so, rather than retrying.
 */
export function useTicketMutation(reload: () => Promise<void>) {
  const [failure, setFailure] =
    useState<Extract<MutationResult, { ok: false }>>();
  const mutate: Mutate = useCallback(
    async change => {
      setFailure(undefined);
      try {
        await change();
      } catch (error) {
        const failed = {
          ok: false,
          conflict: isConflict(error),
          message: messageOf(error),
        } as const;
        setFailure(failed);
        if (failed.conflict) await reload();
        return failed;
      }
      await reload();
      return { ok: true };
    },
    [reload],
  );
  return { failure, mutate };
}
