import { useApi } from '@backstage/frontend-plugin-api';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketsApiRef } from '../api';
import { toError } from '../errors';
import { useTicketSignal } from './useTicketSignal';

/** One ticket with its history, refetched when the backend signals a newer version. */
export function useTicketDetail(ticketRef: string) {
  const api = useApi(ticketsApiRef);
  const [state, setState] = useState<{
    detail?: TicketDetail;
    loading: boolean;
    error?: Error;
  }>({ loading: true });
  // Only the newest request may write, whatever order responses arrive in.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const request = ++generation.current;
    try {
      const detail = await api.getTicket(ticketRef);
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
  }, [api, ticketRef]);

  useEffect(() => {
    setState({ loading: true });
    reload();
  }, [reload]);

  const ticket = state.detail?.ticket;
  useTicketSignal(signal => {
    if (
      ticket &&
      signal.ticketId === ticket.id &&
      signal.version > ticket.version
    ) {
      reload();
    }
  });

  return { ...state, reload };
}
