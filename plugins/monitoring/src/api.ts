import { createApiRef } from '@backstage/frontend-plugin-api';
import type { MonitoringApi } from '@internal/plugin-monitoring-common';

/** The monitoring backend's read API as the browser calls it; provided by this plugin's ApiBlueprint. */
export const monitoringApiRef = createApiRef<MonitoringApi>().with({
  id: 'plugin.monitoring.service',
  pluginId: 'monitoring',
});
