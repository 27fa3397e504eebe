import { createApiRef } from '@backstage/frontend-plugin-api';
import type { InspectionsApi } from '@internal/plugin-inspections-common';

/** The inspections backend, as the browser calls it. */
export const inspectionsApiRef = createApiRef<InspectionsApi>().with({
  id: 'plugin.inspections.service',
  pluginId: 'inspections',
});
