import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { roundRouteRef, rootRouteRef, ticketRouteRef } from '../routes';

/** Paths into the inspections pages; undefined where the app has not mounted them. */
export function useInspectionLinks() {
  const root = useRouteRef(rootRouteRef);
  const round = useRouteRef(roundRouteRef);
  const ticket = useRouteRef(ticketRouteRef);
  return {
    root: useCallback(() => root?.(), [root]),
    round: useCallback(
      (roundId: string, checkId?: string) => {
        const path = round?.({ roundId });
        return path && checkId ? `${path}?check=${checkId}` : path;
      },
      [round],
    ),
    /** The service desk's page of an incident, by number. */
    ticket: useCallback(
      (ticketRef: string) => ticket?.({ ticketRef }),
      [ticket],
    ),
  };
}
