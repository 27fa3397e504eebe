import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read service reports and the figures behind them: the ops manager who issues them, the court IT
 * office that receives them, the desk that answers for the queue. Court staff do not.
 */
export const reportReadPermission = createPermission({
  name: 'reports.report.read',
  attributes: { action: 'read' },
});

/** Issue (freeze) a period's report, or reissue it as a new version: the ops manager. */
export const reportIssuePermission = createPermission({
  name: 'reports.report.issue',
  attributes: { action: 'create' },
});

/** Acknowledge receipt of an issued report: the court IT office. */
export const reportAcknowledgePermission = createPermission({
  name: 'reports.report.acknowledge',
  attributes: { action: 'update' },
});

export const reportsPermissions = [
  reportReadPermission,
  reportIssuePermission,
  reportAcknowledgePermission,
];
