import { useCallback, useEffect, useRef, useState } from 'react';
import { toError } from '../errors';
import { useTicketSignal } from './useTicketSignal';

/**
 * One record of the ticket family (a ticket or a change) with what goes with
 * it, refetched when the backend signals a newer version of it.
 */
export function useLiveRecord<T>(
  load: () => Promise<T>,
  recordOf: (detail: T) => { id: string; version: number },
) {
  const [state, setState] = useState<{
    detail?: T;
    loading: boolean;
    error?: Error;
  }>({ loading: true });
  // Only the newest request may write, whatever order responses arrive in.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const request = ++generation.current;
    try {
      const detail = await load();
      if (request === generation.current) setState({ detail, loading: false });
    } catch (error) {
      if (request === generation.current) {
        setState(previous => ({
          ...previous,
          loading: false,
          error: toError(error),
        }));
      }
    }
  }, [load]);

  useEffect(() => {
    setState({ loading: true });
    reload();
  }, [reload]);

  const record = state.detail ? recordOf(state.detail) : undefined;
  useTicketSignal(signal => {
    if (
      record &&
      signal.ticketId === record.id &&
      signal.version > record.version
    ) {
      reload();
    }
  });

  return { ...state, reload };
}
