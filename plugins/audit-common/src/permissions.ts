import { createPermission } from '@backstage/plugin-permission-common';

/** Read the audit trail (query, Excel export) and see whether its chain verifies. */
export const auditReadPermission = createPermission({
  name: 'audit.event.read',
  attributes: { action: 'read' },
});

/** Run the chain's verification on demand (reads every row: the court IT office). */
export const auditVerifyPermission = createPermission({
  name: 'audit.chain.verify',
  attributes: { action: 'read' },
});

export const auditPermissions = [auditReadPermission, auditVerifyPermission];
