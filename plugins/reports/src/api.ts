import { createApiRef } from '@backstage/frontend-plugin-api';
import type { ReportsApi } from '@internal/plugin-reports-common';

/** The reports backend, as the browser calls it. */
export const reportsApiRef = createApiRef<ReportsApi>().with({
  id: 'plugin.reports.service',
  pluginId: 'reports',
});
