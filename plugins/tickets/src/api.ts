import { createApiRef } from '@backstage/frontend-plugin-api';
import type { PagingApi } from '@internal/plugin-paging-common';

// The ref lives in the court layer so other families can call the service desk.
export { ticketsApiRef } from '@internal/plugin-court-react';

/** The signed-in user's paging settings; the card lives here until paging has a frontend package. */
export const pagingApiRef = createApiRef<PagingApi>({
  id: 'plugin.paging.api',
});
