import { useApi } from '@backstage/frontend-plugin-api';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import { useCallback } from 'react';
import { ticketsApiRef } from '../api';
import { useLiveRecord } from './useLiveRecord';

const ticketOf = (detail: TicketDetail) => detail.ticket;

/** One ticket with its history, refetched when the backend signals a newer version. */
export function useTicketDetail(ticketRef: string) {
  const api = useApi(ticketsApiRef);
  const load = useCallback(() => api.getTicket(ticketRef), [api, ticketRef]);
  return useLiveRecord(load, ticketOf);
}
