import {
  accessEngineerManagePermission,
  accessEngineerReadPermission,
  accessGrantDecidePermission,
  accessGrantReadPermission,
  accessGrantRequestPermission,
  accessGrantUsePermission,
  accessReportReadPermission,
} from '@internal/plugin-access-common';
import {
  archiveCreatePermission,
  archiveReadPermission,
  archiveVolumeCompilePermission,
} from '@internal/plugin-archive-common';
import {
  auditReadPermission,
  auditVerifyPermission,
} from '@internal/plugin-audit-common';
import {
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
  calendarWarningReadPermission,
} from '@internal/plugin-calendar-common';
import {
  dutyAttendanceReadPermission,
  dutyLeaveApproveContractorPermission,
  dutyLeaveApproveCourtPermission,
  dutyMajorEventManagePermission,
  dutyMajorEventReadPermission,
  dutyRosterManagePermission,
  dutyRosterReadPermission,
  dutyShiftStandPermission,
} from '@internal/plugin-duty-common';
import {
  monitoringIntakeReadPermission,
  monitoringReadPermission,
} from '@internal/plugin-monitoring-common';
import { Permission } from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateParameterReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  inspectionCoverageReadPermission,
  inspectionPlanManagePermission,
  inspectionRoundReadPermission,
  inspectionRoundRunPermission,
} from '@internal/plugin-inspections-common';
import {
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
} from '@internal/plugin-kb-common';
import {
  reportAcknowledgePermission,
  reportIssuePermission,
  reportReadPermission,
} from '@internal/plugin-reports-common';
import {
  sparesManagePermission,
  sparesMovePermission,
  sparesReadPermission,
  sparesRepairPermission,
} from '@internal/plugin-spares-common';
import {
  changeApprovePermission,
  changeCreatePermission,
  changeFreezeManagePermission,
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';

/**
 * What a route asks of the caller:
 * - a list of permissions: every one must be granted (allowed or conditionally) by the role table;
 *   an empty list means any signed-in user;
 * - `service`: plugins only (permission integration, actions registry, sending notifications).
 */
export type RouteGuard = readonly Permission[] | 'service';

export interface RouteExpectation {
  readonly guard: RouteGuard;
  /**
   * The route reads one resource by its id; the test calls it with an id that does not exist,
   * so a denied caller may see 404 (no existence oracle) instead of 403.
   */
  readonly resource?: boolean;
  /**
   * Any of these permissions is enough (e.g. a change action is work or approval, by action).
   * The caller is allowed past the route's gate if the table grants one of them.
   */
  readonly anyOf?: true;
  /** A denied caller gets an empty list rather than 403 (the catalog's locations). */
  readonly emptyWhenDenied?: true;
  /** Only an unconditional grant passes (the catalog's ancestry refuses a conditional reader). */
  readonly unconditional?: true;
  /** A body that passes the route's schema, so the call reaches the permission check. */
  readonly body?: object;
}

const signedIn: RouteExpectation = { guard: [] };
const service: RouteExpectation = { guard: 'service' };
const needs = (...permissions: Permission[]): RouteExpectation => ({
  guard: permissions,
});
const onResource = (...permissions: Permission[]): RouteExpectation => ({
  guard: permissions,
  resource: true,
});
const listing = (permission: Permission): RouteExpectation => ({
  guard: [permission],
  emptyWhenDenied: true,
});
const withBody = (
  body: object,
  ...permissions: Permission[]
): RouteExpectation => ({ guard: permissions, body });
const oneOf = (...permissions: Permission[]): RouteExpectation => ({
  guard: permissions,
  resource: true,
  anyOf: true,
});

const NOTIFICATION = {
  recipients: { type: 'broadcast' },
  payload: { title: 'probe' },
};

/**
 * Routes every plugin gets from the framework. The permission metadata (names of permissions
 * and rules) and the actions list are open to signed-in users; invoking an action goes through
 * the action's own permission checks.
 */
export const FRAMEWORK_ROUTES: Record<string, RouteExpectation> = {
  'GET /.well-known/backstage/permissions/metadata': signedIn,
  'POST /.well-known/backstage/permissions/apply-conditions': service,
  'GET /.backstage/actions/v1/actions': signedIn,
  'POST /.backstage/actions/v1/actions/:actionId/invoke': signedIn,
  'POST /.backstage/actions/v2/actions/:actionId/invoke': signedIn,
  'GET /openapi.json': signedIn,
};

/**
 * Every route of every backend plugin under the court policy, keyed `METHOD /api/plugin/path`,
 * with what it asks. A route the plugins serve that is not here fails the matrix test.
 */
export const ROUTE_EXPECTATIONS: Record<string, RouteExpectation> = {
  'GET /api/permission/health': signedIn,
  'POST /api/permission/authorize': signedIn,

  'POST /api/catalog/refresh': withBody(
    { entityRef: 'component:default/no-such-thing' },
    catalogEntityRefreshPermission,
  ),
  'GET /api/catalog/entities': needs(catalogEntityReadPermission),
  'POST /api/catalog/entities/by-query': needs(catalogEntityReadPermission),
  'GET /api/catalog/entities/by-query': needs(catalogEntityReadPermission),
  'GET /api/catalog/entities/by-uid/:uid': onResource(
    catalogEntityReadPermission,
  ),
  'DELETE /api/catalog/entities/by-uid/:uid': onResource(
    catalogEntityDeletePermission,
  ),
  'GET /api/catalog/entities/by-name/:kind/:namespace/:name': onResource(
    catalogEntityReadPermission,
  ),
  'GET /api/catalog/entities/by-name/:kind/:namespace/:name/ancestry': {
    guard: [catalogEntityReadPermission],
    resource: true,
    unconditional: true,
  },
  'POST /api/catalog/entities/by-refs': needs(catalogEntityReadPermission),
  'GET /api/catalog/entity-facets': needs(catalogEntityReadPermission),
  'POST /api/catalog/entity-facets': needs(catalogEntityReadPermission),
  'POST /api/catalog/locations': withBody(
    { type: 'url', target: 'https://example.invalid/catalog-info.yaml' },
    catalogLocationCreatePermission,
  ),
  'GET /api/catalog/locations': listing(catalogLocationReadPermission),
  'POST /api/catalog/locations/by-query': listing(
    catalogLocationReadPermission,
  ),
  'GET /api/catalog/locations/:id': onResource(catalogLocationReadPermission),
  'PUT /api/catalog/locations/:id': {
    guard: [catalogLocationCreatePermission],
    resource: true,
    body: { type: 'url', target: 'https://example.invalid/catalog-info.yaml' },
  },
  'DELETE /api/catalog/locations/:id': onResource(
    catalogLocationDeletePermission,
  ),
  'GET /api/catalog/locations/by-entity/:kind/:namespace/:name': onResource(
    catalogLocationReadPermission,
  ),
  'POST /api/catalog/analyze-location': withBody(
    {
      location: {
        type: 'url',
        target: 'https://example.invalid/catalog-info.yaml',
      },
    },
    catalogLocationAnalyzePermission,
  ),
  'POST /api/catalog/validate-entity': withBody(
    {
      location: 'url:https://example.invalid/catalog-info.yaml',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'probe' },
        spec: {
          type: 'service',
          owner: 'onsite-team',
          lifecycle: 'production',
        },
      },
    },
    catalogEntityValidatePermission,
  ),

  'GET /api/scaffolder/v2/templates/:namespace/:kind/:name/parameter-schema':
    onResource(templateParameterReadPermission),
  'GET /api/scaffolder/v2/actions': signedIn,
  'POST /api/scaffolder/v2/tasks': withBody(
    { templateRef: 'template:default/change-request', values: {} },
    taskCreatePermission,
  ),
  'GET /api/scaffolder/v2/tasks': needs(taskReadPermission),
  'GET /api/scaffolder/v2/tasks/:taskId': onResource(taskReadPermission),
  'POST /api/scaffolder/v2/tasks/:taskId/cancel': onResource(
    taskCancelPermission,
    taskReadPermission,
  ),
  'POST /api/scaffolder/v2/tasks/:taskId/retry': onResource(
    taskCreatePermission,
    taskReadPermission,
  ),
  'GET /api/scaffolder/v2/tasks/:taskId/eventstream':
    onResource(taskReadPermission),
  'GET /api/scaffolder/v2/tasks/:taskId/events': onResource(taskReadPermission),
  'POST /api/scaffolder/v2/dry-run': withBody(
    {
      template: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'probe' },
        spec: { type: 'change-request', steps: [] },
      },
      values: {},
      directoryContents: [],
    },
    taskCreatePermission,
    templateDryRunPermission,
  ),
  'POST /api/scaffolder/v2/autocomplete/:provider/:resource': signedIn,
  'GET /api/scaffolder/v2/templating-extensions': signedIn,

  // Search filters each result by its type's read permission; the query itself is open.
  'GET /api/search/query': signedIn,

  // Notifications: each user's own; sending is for plugins.
  'GET /api/notifications/': signedIn,
  'GET /api/notifications/notifications': signedIn,
  'GET /api/notifications/status': signedIn,
  'GET /api/notifications/settings': signedIn,
  'POST /api/notifications/settings': signedIn,
  'GET /api/notifications/topics': signedIn,
  'GET /api/notifications/:id': signedIn,
  'GET /api/notifications/notifications/:id': signedIn,
  'POST /api/notifications/update': signedIn,
  'POST /api/notifications/notifications/update': signedIn,
  'POST /api/notifications/': { guard: 'service', body: NOTIFICATION },
  'POST /api/notifications/notifications': {
    guard: 'service',
    body: NOTIFICATION,
  },

  // User settings: each user's own (language, theme, starred entities).
  'POST /api/user-settings/multiget': { ...signedIn, body: { items: [] } },
  'GET /api/user-settings/buckets/:bucket/keys/:key(*)': signedIn,
  'PUT /api/user-settings/buckets/:bucket/keys/:key(*)': {
    ...signedIn,
    body: { value: 'zh' },
  },
  'DELETE /api/user-settings/buckets/:bucket/keys/:key(*)': signedIn,

  'GET /api/tickets/tickets': needs(ticketReadPermission),
  'POST /api/tickets/tickets': needs(ticketCreatePermission),
  'GET /api/tickets/tickets/:ref': onResource(ticketReadPermission),
  'PATCH /api/tickets/tickets/:ref': onResource(ticketUpdatePermission),
  'POST /api/tickets/tickets/:ref/actions': onResource(ticketWorkPermission),
  'POST /api/tickets/tickets/:ref/comments': onResource(ticketUpdatePermission),
  'POST /api/tickets/tickets/:ref/work-logs': onResource(ticketWorkPermission),
  'POST /api/tickets/tickets/:ref/links': onResource(ticketUpdatePermission),
  'GET /api/tickets/sla/config': signedIn,
  'GET /api/tickets/sla/compliance': needs(ticketReadAllPermission),
  'GET /api/tickets/changes/freezes': needs(ticketReadAllPermission),
  'POST /api/tickets/changes/freezes': needs(changeFreezeManagePermission),
  'DELETE /api/tickets/changes/freezes/:id': onResource(
    changeFreezeManagePermission,
  ),
  'GET /api/tickets/changes/success-rate': needs(ticketReadAllPermission),
  // Filtered to the changes the caller may read.
  'GET /api/tickets/changes': needs(ticketReadPermission),
  'POST /api/tickets/changes': needs(changeCreatePermission),
  'GET /api/tickets/changes/:ref': onResource(ticketReadPermission),
  'POST /api/tickets/changes/:ref/actions': oneOf(
    ticketWorkPermission,
    changeApprovePermission,
  ),
  'GET /api/tickets/parameters/:entityRef': signedIn,
  'POST /api/tickets/parameters/:entityRef': onResource(ticketWorkPermission),
  'GET /api/tickets/figures': needs(reportReadPermission),

  'GET /api/kb/articles': needs(kbArticleReadPermission),
  'GET /api/kb/kinds': needs(kbArticleReadPermission),
  'POST /api/kb/articles': needs(kbArticleCreatePermission),
  'GET /api/kb/articles/:id': onResource(kbArticleReadPermission),
  'PUT /api/kb/articles/:id': onResource(kbArticleUpdatePermission),
  'GET /api/kb/articles/:id/versions': onResource(kbArticleReadPermission),
  'GET /api/kb/articles/:id/versions/:version': onResource(
    kbArticleReadPermission,
  ),
  'GET /api/kb/articles/:id/diff': onResource(kbArticleReadPermission),
  'POST /api/kb/articles/:id/restore': onResource(kbArticleUpdatePermission),
  'GET /api/kb/suggestions': needs(kbArticleReadPermission),
  'POST /api/kb/known-errors': needs(kbArticleCreatePermission),
  'GET /api/kb/export': needs(kbArticleReadPermission),
  'GET /api/kb/figures': needs(reportReadPermission),

  'GET /api/inspections/rounds': needs(inspectionRoundReadPermission),
  'POST /api/inspections/rounds': needs(inspectionRoundRunPermission),
  'GET /api/inspections/rounds/:id': onResource(inspectionRoundReadPermission),
  'PUT /api/inspections/checks/:checkId/results/:itemId': onResource(
    inspectionRoundRunPermission,
  ),
  'POST /api/inspections/scans': needs(inspectionRoundRunPermission),
  'GET /api/inspections/coverage': needs(inspectionCoverageReadPermission),
  'GET /api/inspections/statistics/viruses': needs(
    inspectionCoverageReadPermission,
  ),
  'GET /api/inspections/entities': needs(inspectionRoundReadPermission),
  'GET /api/inspections/templates': needs(inspectionRoundReadPermission),
  'GET /api/inspections/plans': needs(inspectionRoundReadPermission),
  'PUT /api/inspections/plans/:id': onResource(inspectionPlanManagePermission),
  'GET /api/inspections/labels': needs(inspectionRoundReadPermission),
  'GET /api/inspections/labels/sheet.svg': needs(inspectionRoundReadPermission),
  'GET /api/inspections/figures': needs(reportReadPermission),

  'GET /api/calendar/years': needs(calendarScheduleReadPermission),
  'GET /api/calendar/years/:year': needs(calendarScheduleReadPermission),
  'GET /api/calendar/years/:year/built-in': needs(
    calendarScheduleReadPermission,
  ),
  'PUT /api/calendar/years/:year': needs(calendarScheduleUpdatePermission),
  'GET /api/calendar/schedules': needs(calendarScheduleReadPermission),
  'GET /api/calendar/revision': needs(calendarScheduleReadPermission),
  'GET /api/calendar/status': needs(calendarWarningReadPermission),

  // Reading checks the permission before the query, so a bare call reaches the gate.
  'GET /api/reports/figures': needs(reportReadPermission),
  'GET /api/reports/rows': needs(reportReadPermission),
  'GET /api/reports/drafts': needs(reportReadPermission),
  'GET /api/reports/reports': needs(reportReadPermission),
  'POST /api/reports/reports': needs(reportIssuePermission),
  'GET /api/reports/reports/:id': onResource(reportReadPermission),
  'GET /api/reports/reports/:id/files/:name': onResource(reportReadPermission),
  'POST /api/reports/reports/:id/acknowledge': onResource(
    reportAcknowledgePermission,
  ),

  // Restricted documents answer 404 to whoever may not read them (no existence oracle).
  'GET /api/archive/documents': needs(archiveReadPermission),
  'POST /api/archive/documents': needs(archiveCreatePermission),
  'GET /api/archive/documents/:id': onResource(archiveReadPermission),
  'PATCH /api/archive/documents/:id': onResource(archiveCreatePermission),
  'POST /api/archive/documents/:id/versions': onResource(
    archiveCreatePermission,
  ),
  'GET /api/archive/documents/:id/versions/:version/file': onResource(
    archiveReadPermission,
  ),
  'POST /api/archive/volumes': needs(archiveVolumeCompilePermission),
  'POST /api/archive/drafts': needs(archiveVolumeCompilePermission),

  // Receivers: only each source's own token subject, never a user.
  'POST /api/monitoring/alertmanager': service,
  'POST /api/monitoring/zabbix': service,
  'POST /api/monitoring/generic': service,
  'GET /api/monitoring/incidents': needs(monitoringReadPermission),
  'GET /api/monitoring/health': needs(monitoringReadPermission),
  'GET /api/monitoring/unmapped': needs(monitoringIntakeReadPermission),
  'GET /api/monitoring/dead-letters': needs(monitoringIntakeReadPermission),
  'GET /api/spares/part-types': needs(sparesReadPermission),
  'PUT /api/spares/part-types': needs(sparesManagePermission),
  'GET /api/spares/locations': needs(sparesReadPermission),
  'PUT /api/spares/locations': needs(sparesManagePermission),
  'GET /api/spares/vendors': needs(sparesReadPermission),
  'PUT /api/spares/vendors': needs(sparesManagePermission),
  'GET /api/spares/store': needs(sparesReadPermission),
  'GET /api/spares/stock/:partTypeId': onResource(sparesReadPermission),
  'POST /api/spares/movements': needs(sparesMovePermission),
  'GET /api/spares/devices/:ref': needs(sparesReadPermission),
  'GET /api/spares/repairs': needs(sparesReadPermission),
  'POST /api/spares/repairs': needs(sparesRepairPermission),
  'GET /api/spares/repairs/:id': onResource(sparesReadPermission),
  'POST /api/spares/repairs/:id/actions': onResource(sparesRepairPermission),
  'GET /api/spares/reports/stock.xlsx': needs(sparesReadPermission),
  'GET /api/spares/figures': needs(reportReadPermission),

  'GET /api/duty/setup': needs(dutyRosterReadPermission),
  'GET /api/duty/rosters/:month': needs(dutyRosterReadPermission),
  'POST /api/duty/rosters/:month/generate': needs(dutyRosterManagePermission),
  'POST /api/duty/rosters/:month/shifts': needs(dutyRosterManagePermission),
  'POST /api/duty/rosters/:month/publish': needs(dutyRosterManagePermission),
  'PUT /api/duty/shifts/:id': needs(dutyRosterManagePermission),
  'GET /api/duty/my/shifts': needs(dutyShiftStandPermission),
  'GET /api/duty/on-call': needs(dutyRosterReadPermission),
  'GET /api/duty/swaps': needs(dutyRosterReadPermission),
  'POST /api/duty/swaps': needs(dutyShiftStandPermission),
  'POST /api/duty/swaps/:id/decision': needs(dutyRosterManagePermission),
  'GET /api/duty/leave': needs(dutyRosterReadPermission),
  'POST /api/duty/leave': needs(dutyShiftStandPermission),
  // Either side's approver: the court IT office or the ops manager.
  'POST /api/duty/leave/:id/decision': {
    guard: [
      dutyLeaveApproveCourtPermission,
      dutyLeaveApproveContractorPermission,
    ],
    anyOf: true,
  },
  'POST /api/duty/attendance/check-in': needs(dutyShiftStandPermission),
  'POST /api/duty/attendance/check-out': needs(dutyShiftStandPermission),
  'GET /api/duty/attendance': needs(dutyRosterReadPermission),
  'GET /api/duty/attendance/sheet': needs(dutyAttendanceReadPermission),
  'POST /api/duty/my/calendar-feed': needs(dutyShiftStandPermission),
  'DELETE /api/duty/my/calendar-feed': needs(dutyShiftStandPermission),
  // The phone's calendar has no session: the personal token in the path is the credential, and
  // an unknown one is 404 for everyone.
  'GET /api/duty/calendar/:file': { guard: [], resource: true },
  'GET /api/duty/duty-room/qr.svg': needs(dutyRosterManagePermission),
  'GET /api/duty/major-events': needs(dutyMajorEventReadPermission),
  'GET /api/duty/major-events/floor': needs(dutyMajorEventReadPermission),
  // A minute of on-call shifts and plans for the desk's filings: both reads.
  'GET /api/duty/filing-duty-span': needs(
    dutyRosterReadPermission,
    dutyMajorEventReadPermission,
  ),
  'GET /api/duty/major-events/:id': needs(dutyMajorEventReadPermission),
  'POST /api/duty/major-events': needs(dutyMajorEventManagePermission),
  'PUT /api/duty/major-events/:id': needs(dutyMajorEventManagePermission),
  'PUT /api/duty/major-events/:id/summary': needs(
    dutyMajorEventManagePermission,
  ),

  // Paging has no permissions of its own: events come from the portal's plugins, the short
  // link's code and the SMS gateway's token are the credentials, settings are one's own.
  'POST /api/paging/events': service,
  'GET /api/paging/a/:code': { guard: [], resource: true },
  'POST /api/paging/a/:code': { guard: [], resource: true },
  // The gateway's shared token, not a user's session: every user is refused (401).
  'POST /api/paging/sms-replies': service,
  'GET /api/paging/settings': signedIn,
  'PUT /api/paging/settings': {
    guard: [],
    body: { channels: ['sms'], quietHours: { start: '22:00', end: '07:00' } },
  },

  // The audit trail: the court IT office's alone.
  'GET /api/audit/events': needs(auditReadPermission),
  'GET /api/audit/events.xlsx': needs(auditReadPermission),
  'GET /api/audit/verification': needs(auditReadPermission),
  'POST /api/audit/verification': needs(auditVerifyPermission),
  // A grant one may not see answers 404, as one that does not exist.
  'GET /api/access/grants': needs(accessGrantReadPermission),
  'POST /api/access/grants': needs(accessGrantRequestPermission),
  'GET /api/access/grants/:id': onResource(accessGrantReadPermission),
  'POST /api/access/grants/:id/approve': needs(accessGrantDecidePermission),
  'POST /api/access/grants/:id/refuse': needs(accessGrantDecidePermission),
  'POST /api/access/grants/:id/revoke': needs(accessGrantDecidePermission),
  'POST /api/access/grants/:id/uses': onResource(accessGrantUsePermission),
  'POST /api/access/grants/:id/uses/:useId/end': onResource(
    accessGrantUsePermission,
  ),
  'GET /api/access/monthly/:month': needs(accessReportReadPermission),
  'GET /api/access/monthly/:month/xlsx': needs(accessReportReadPermission),
  'GET /api/access/engineers': needs(accessEngineerReadPermission),
  'POST /api/access/engineers': needs(accessEngineerManagePermission),
  'GET /api/access/engineers/:userRef': needs(accessEngineerReadPermission),
  'GET /api/access/engineers/:userRef/assignment': needs(
    accessEngineerReadPermission,
  ),
  'GET /api/access/assignments': needs(accessEngineerReadPermission),
  'PUT /api/access/engineers/:userRef': needs(accessEngineerManagePermission),
  'POST /api/access/engineers/:userRef/approve': needs(
    accessEngineerManagePermission,
  ),
  'POST /api/access/engineers/:userRef/suspend': needs(
    accessEngineerManagePermission,
  ),
  'POST /api/access/engineers/:userRef/reinstate': needs(
    accessEngineerManagePermission,
  ),
  'POST /api/access/engineers/:userRef/reassign': needs(
    accessEngineerManagePermission,
  ),
  'DELETE /api/access/engineers/:userRef': needs(
    accessEngineerManagePermission,
  ),
};
