import { useSignal } from '@backstage/plugin-signals-react';
import { useEffect, useRef } from 'react';

/** What the backend broadcasts on channel `tickets` after every change. */
export interface TicketChangedSignal {
  [key: string]: string | number;
  ticketId: string;
  version: number;
}

/** Calls `onChange` for every ticket change the backend signals. */
export function useTicketSignal(
  onChange: (signal: TicketChangedSignal) => void,
) {
  const { lastSignal } = useSignal<TicketChangedSignal>('tickets');
  // The latest callback, without resubscribing on every render.
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (lastSignal) callback.current(lastSignal);
  }, [lastSignal]);
}
