import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { newTicketRouteRef, rootRouteRef, ticketRouteRef } from '../routes';

/** Paths into the service desk; undefined where the app has not mounted the page. */
export function useTicketLinks() {
  const desk = useRouteRef(rootRouteRef);
  const ticket = useRouteRef(ticketRouteRef);
  const newTicket = useRouteRef(newTicketRouteRef);
  return {
    desk: useCallback(() => desk?.(), [desk]),
    ticket: useCallback(
      (number: string) => ticket?.({ ticketRef: number }),
      [ticket],
    ),
    newTicket: useCallback(
      (entityRef?: string) => {
        const path = newTicket?.();
        if (!path || !entityRef) return path;
        return `${path}?${new URLSearchParams({ entity: entityRef })}`;
      },
      [newTicket],
    ),
  };
}
