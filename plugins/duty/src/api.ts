import { createApiRef } from '@backstage/frontend-plugin-api';
import type { DutyApi } from '@internal/plugin-duty-common';

/** The duty backend, as the browser calls it. */
export const dutyApiRef = createApiRef<DutyApi>().with({
  id: 'plugin.duty.service',
  pluginId: 'duty',
});
