import { createApiRef } from '@backstage/frontend-plugin-api';
import type { KbApi } from '@internal/plugin-kb-common';

/** The knowledge base backend, as the browser calls it. */
export const kbApiRef = createApiRef<KbApi>().with({
  id: 'plugin.kb.service',
  pluginId: 'kb',
});
