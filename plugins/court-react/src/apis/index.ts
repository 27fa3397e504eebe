import { createApiRef } from '@backstage/frontend-plugin-api';
import type { AccessApi } from '@internal/plugin-access-common';
import type { KbApi } from '@internal/plugin-kb-common';
import type { TicketsApi } from '@internal/plugin-tickets-common';

/*
 * The API refs other families call. Each family's plugin provides the
 * implementation (an ApiBlueprint); any family may use the ref, so a page of
 * one family never builds another family's client itself.
 */

/** The tickets backend, as the browser calls it; provided by the tickets plugin. */
export const ticketsApiRef = createApiRef<TicketsApi>().with({
  id: 'plugin.tickets.service',
  pluginId: 'tickets',
});

/** The knowledge base backend, as the browser calls it; provided by the kb plugin. */
export const kbApiRef = createApiRef<KbApi>().with({
  id: 'plugin.kb.service',
  pluginId: 'kb',
});

/** Access grants and engineers' records, as the browser calls them; provided by the access plugin. */
export const accessApiRef = createApiRef<AccessApi>().with({
  id: 'plugin.access.service',
  pluginId: 'access',
});
