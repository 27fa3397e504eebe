import { DependencyList, useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** What a page shows for a load: its answer, whether one is under way, its error. */
export interface ReloadableState<T> {
  value?: T;
  loading: boolean;
  error?: Error;
  /** Loads again now, even while a load is under way; the newest answer wins. */
  retry(): void;
}

type Outcome<T> =
  | { deps: DependencyList; value: T }
  | { deps: DependencyList; error: Error };

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((dep, i) => Object.is(dep, b[i]));

/**
 * `useAsyncRetry` from react-use, with two differences a page that changes what it shows needs:
 * - `retry()` always loads again. react-use ignores it while a load is under way, so a page that
 *   reloads after its own change could keep the answer read before the change (the duty roster
 *   stayed "not generated" after Generate when the month's first load was still out).
 * - While `deps` change (another month, another entity) the previous deps' answer is not shown
 *   as if it were the new one; a retry with the same deps keeps the answer on screen meanwhile.
 */
export function useAsyncReload<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): ReloadableState<T> {
  const [attempt, setAttempt] = useState(0);
  const state = useAsync(async (): Promise<Outcome<T>> => {
    try {
      return { deps, value: await load() };
    } catch (error) {
      return {
        deps,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
    // `deps` are the caller's; `attempt` makes a retry a new load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt(n => n + 1), []);
  const outcome =
    state.value && sameDeps(state.value.deps, deps) ? state.value : undefined;
  return {
    value: outcome && 'value' in outcome ? outcome.value : undefined,
    error: outcome && 'error' in outcome ? outcome.error : undefined,
    loading: state.loading || !outcome,
    retry,
  };
}
