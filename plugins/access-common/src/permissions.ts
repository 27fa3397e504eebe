import { createPermission } from '@backstage/plugin-permission-common';

/** Request access to a device or system for a ticket (engineers). */
export const accessGrantRequestPermission = createPermission({
  name: 'access.grant.request',
  attributes: { action: 'create' },
});

/**
 * See grants: one's own requests and the grants on devices one owns (a staff
 * member's PC); everything with the read-all permission.
 */
export const accessGrantReadPermission = createPermission({
  name: 'access.grant.read',
  attributes: { action: 'read' },
});

/** See every grant and its verification code. */
export const accessGrantReadAllPermission = createPermission({
  name: 'access.grant.read-all',
  attributes: { action: 'read' },
});

/** Approve, refuse and revoke grants: the court IT office. */
export const accessGrantDecidePermission = createPermission({
  name: 'access.grant.decide',
  attributes: { action: 'update' },
});

/** Record the start and end of a use of one's own grant. */
export const accessGrantUsePermission = createPermission({
  name: 'access.grant.use',
  attributes: { action: 'update' },
});

/** The monthly list of grants and uses, also in Excel. */
export const accessReportReadPermission = createPermission({
  name: 'access.report.read',
  attributes: { action: 'read' },
});

/** Read engineers' records and whether they may be assigned. */
export const accessEngineerReadPermission = createPermission({
  name: 'access.engineer.read',
  attributes: { action: 'read' },
});

/** Create, change, approve, suspend and delete engineers' records: the court IT office. */
export const accessEngineerManagePermission = createPermission({
  name: 'access.engineer.manage',
  attributes: { action: 'update' },
});

export const accessPermissions = [
  accessGrantRequestPermission,
  accessGrantReadPermission,
  accessGrantReadAllPermission,
  accessGrantDecidePermission,
  accessGrantUsePermission,
  accessReportReadPermission,
  accessEngineerReadPermission,
  accessEngineerManagePermission,
];
