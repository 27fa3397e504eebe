import { createApiRef } from '@backstage/frontend-plugin-api';
import type { SparesApi } from '@internal/plugin-spares-common';

/** The spares backend as the browser calls it; provided by this plugin's ApiBlueprint. */
export const sparesApiRef = createApiRef<SparesApi>().with({
  id: 'plugin.spares.service',
  pluginId: 'spares',
});
