import { createApiRef } from '@backstage/frontend-plugin-api';
import type { ArchiveApi } from '@internal/plugin-archive-common';

/** The archive backend as the browser calls it; provided by this plugin's ApiBlueprint. */
export const archiveApiRef = createApiRef<ArchiveApi>().with({
  id: 'plugin.archive.service',
  pluginId: 'archive',
});
