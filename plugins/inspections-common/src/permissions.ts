import { createPermission } from '@backstage/plugin-permission-common';

/** See rounds, their results, a device's inspection history, label sheets. */
export const inspectionRoundReadPermission = createPermission({
  name: 'inspections.round.read',
  attributes: { action: 'read' },
});

/** Run a round: record results and scans, start an ad-hoc round. */
export const inspectionRoundRunPermission = createPermission({
  name: 'inspections.round.run',
  attributes: { action: 'update' },
});

/** Create and change inspection plans. */
export const inspectionPlanManagePermission = createPermission({
  name: 'inspections.plan.manage',
  attributes: { action: 'update' },
});

/** Read coverage (who inspected what, what is overdue) and the monthly statistics. */
export const inspectionCoverageReadPermission = createPermission({
  name: 'inspections.coverage.read',
  attributes: { action: 'read' },
});

export const inspectionPermissions = [
  inspectionRoundReadPermission,
  inspectionRoundRunPermission,
  inspectionPlanManagePermission,
  inspectionCoverageReadPermission,
];
