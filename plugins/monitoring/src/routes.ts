import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** `/monitoring`: the status board, unmapped alerts and dead letters (`?tab=`). */
export const rootRouteRef = createRouteRef();

/** `/monitoring/wall`: the board full screen, for the duty room's wall. */
export const wallRouteRef = createRouteRef();

/** An incident, by number (INC-2026-00042): the tickets plugin's page, bound in the app. */
export const ticketRouteRef = createExternalRouteRef({
  params: ['ticketRef'],
  defaultTarget: 'tickets.ticket',
});
