import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { rootRouteRef, ticketRouteRef, wallRouteRef } from '../routes';

/** Links of the monitoring pages; undefined when the app mounts no such page. */
export function useMonitoringLinks() {
  const root = useRouteRef(rootRouteRef);
  const wall = useRouteRef(wallRouteRef);
  const ticket = useRouteRef(ticketRouteRef);
  return {
    root: useCallback(() => root?.(), [root]),
    wall: useCallback(() => wall?.(), [wall]),
    /** The service desk's page of an incident, by number. */
    ticket: useCallback(
      (ticketRef: string) => ticket?.({ ticketRef }),
      [ticket],
    ),
  };
}
