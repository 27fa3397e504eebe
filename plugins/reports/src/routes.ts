import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** `/reports`: a period's figures, drill-down, issuing and acknowledging. */
export const rootRouteRef = createRouteRef();

/** A ticket, by number (INC-2026-00042): the tickets plugin's page, bound in the app. */
export const ticketRouteRef = createExternalRouteRef({
  params: ['ticketRef'],
  defaultTarget: 'tickets.ticket',
});
