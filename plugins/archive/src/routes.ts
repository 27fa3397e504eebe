import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The archive: browse by class, period, system and keyword. */
export const rootRouteRef = createRouteRef();

/** One document, by id. */
export const documentRouteRef = createRouteRef({ params: ['id'] });

/** A ticket, by number (INC-2026-00042): the tickets plugin's page, bound in the app. */
export const ticketRouteRef = createExternalRouteRef({
  params: ['ticketRef'],
  defaultTarget: 'tickets.ticket',
});

/** A change, by number (CHG-2026-00007): the tickets plugin's change page, bound in the app. */
export const changeRouteRef = createExternalRouteRef({
  params: ['changeRef'],
  defaultTarget: 'tickets.change',
});
