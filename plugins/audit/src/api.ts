import { createApiRef } from '@backstage/frontend-plugin-api';
import type { AuditApi } from '@internal/plugin-audit-common';

/** The audit backend, as the browser calls it. */
export const auditApiRef = createApiRef<AuditApi>().with({
  id: 'plugin.audit.service',
  pluginId: 'audit',
});
