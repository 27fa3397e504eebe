/**
 * Court Ops Portal service desk: the queue with live SLA countdowns, the
 * new-ticket form, the ticket page, Tickets and SLA tabs on systems and
 * devices, and the "SLA at risk" home card.
 *
 * @packageDocumentation
 */
export {
  ticketsPlugin as default,
  entityChangesContent,
  entitySlaContent,
} from './plugin';
export { ticketsApiRef } from './api';
export { ticketsTranslationRef } from './translation';
export {
  changeRouteRef,
  changesRouteRef,
  newTicketRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from './routes';
