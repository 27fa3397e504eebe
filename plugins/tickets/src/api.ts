import { createApiRef } from '@backstage/frontend-plugin-api';
import type { TicketsApi } from '@internal/plugin-tickets-common';

/** The tickets backend, as the browser calls it. */
export const ticketsApiRef = createApiRef<TicketsApi>().with({
  id: 'plugin.tickets.service',
  pluginId: 'tickets',
});
