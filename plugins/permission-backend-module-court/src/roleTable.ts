import {
  ConditionalPolicyDecision,
  isResourcePermission,
  Permission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
import {
  actionExecutePermission,
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  inspectionCoverageReadPermission,
  inspectionPlanManagePermission,
  inspectionRoundReadPermission,
  inspectionRoundRunPermission,
} from '@internal/plugin-inspections-common';
import {
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
  calendarWarningReadPermission,
} from '@internal/plugin-calendar-common';
import {
  accessEngineerManagePermission,
  accessEngineerReadPermission,
  accessGrantDecidePermission,
  accessGrantReadAllPermission,
  accessGrantReadPermission,
  accessGrantRequestPermission,
  accessGrantUsePermission,
  accessReportReadPermission,
} from '@internal/plugin-access-common';
import {
  archiveCreatePermission,
  archiveReadPermission,
  archiveRestrictedReadPermission,
  archiveVolumeCompilePermission,
} from '@internal/plugin-archive-common';
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
import {
  sparesManagePermission,
  sparesMovePermission,
  sparesReadPermission,
  sparesRepairPermission,
} from '@internal/plugin-spares-common';
import {
  auditReadPermission,
  auditVerifyPermission,
} from '@internal/plugin-audit-common';
import {
  reportAcknowledgePermission,
  reportIssuePermission,
  reportReadPermission,
} from '@internal/plugin-reports-common';
import {
  KB_ARTICLE_RESOURCE_TYPE,
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
} from '@internal/plugin-kb-common';
import {
  createKbArticleConditionalDecision,
  kbArticleConditions,
} from '@internal/plugin-kb-node';
import {
  changeApprovePermission,
  changeCreatePermission,
  changeFreezeManagePermission,
  TICKET_RESOURCE_TYPE,
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import {
  createTicketConditionalDecision,
  ticketConditions,
} from '@internal/plugin-tickets-node';
import { COURT_ROLES, CourtRole } from './roles';

/**
 * The one role × permission table of the portal (issue 12, DESIGN "Roles"). Every permission of
 * every installed plugin is a row; a permission that is not a row is denied (and logged by the
 * policy with its name). A user in several roles gets the union of their cells.
 *
 * To add a plugin (calendar, reports, ...): import its permissions from its -common/-node package
 * and add a section of rows below; `docs/permissions.md` is regenerated from this table
 * (`UPDATE_PERMISSIONS_DOC=1` on the policy module's tests) and the role × route test picks the
 * rows up.
 */

/** A column of the table: a court role, or a signed-in user in no mapped group. */
export type TableRole = CourtRole | 'no-role';

export const TABLE_ROLES: readonly TableRole[] = [...COURT_ROLES, 'no-role'];

/** Who is asking, as the condition builders need it. */
export interface Caller {
  readonly userEntityRef: string;
  readonly ownershipEntityRefs: readonly string[];
}

/** A cell that grants the permission only on resources a rule of the owning plugin picks. */
export interface RoleCondition {
  /** How docs/permissions.md names the narrowing. */
  readonly label: string;
  readonly resourceType: string;
  decide(
    permission: ResourcePermission,
    caller: Caller,
  ): ConditionalPolicyDecision;
}

/** A cell of the table: the permission outright, or narrowed by a condition. Absent = denied. */
export type Grant = 'allow' | RoleCondition;

export interface RoleTableRow {
  readonly permission: Permission;
  /** The plugin family it belongs to, as docs/permissions.md groups the rows. */
  readonly family: string;
  readonly grants: Partial<Record<TableRole, Grant>>;
}

function condition(
  label: string,
  resourceType: string,
  decide: RoleCondition['decide'],
): RoleCondition {
  return {
    label,
    resourceType,
    decide(permission, caller) {
      // A table error, not a caller's: a condition on a permission of another resource type.
      if (!isResourcePermission(permission, resourceType)) {
        throw new Error(
          `Condition "${label}" does not apply to ${
            (permission as Permission).name
          }`,
        );
      }
      return decide(permission, caller);
    },
  };
}

/** Court staff see what they reported, and only that. */
const OWN_TICKETS = condition(
  'own tickets',
  TICKET_RESOURCE_TYPE,
  (permission, caller) =>
    createTicketConditionalDecision(
      permission as ResourcePermission<typeof TICKET_RESOURCE_TYPE>,
      ticketConditions.isReporter({ refs: [...caller.ownershipEntityRefs] }),
    ),
);

/** Court staff read the articles marked public. */
const PUBLIC_ARTICLES = condition(
  'public articles',
  KB_ARTICLE_RESOURCE_TYPE,
  permission =>
    createKbArticleConditionalDecision(
      permission as ResourcePermission<typeof KB_ARTICLE_RESOURCE_TYPE>,
      kbArticleConditions.hasVisibility({ visibilities: ['public'] }),
    ),
);

/**
 * Scaffolder tasks are change requests in the making: each sees the tasks they started
 * (issue 12 finding 1: court staff read and re-ran the engineers' tasks).
 */
const OWN_TASKS = condition(
  'own tasks',
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  (permission, caller) =>
    createScaffolderTaskConditionalDecision(
      permission as ResourcePermission<typeof RESOURCE_TYPE_SCAFFOLDER_TASK>,
      scaffolderTaskConditions.isTaskOwner({
        createdBy: [caller.userEntityRef],
      }),
    ),
);

/**
 * Court staff and newcomers run no scaffolder template, so they do not see them (the scaffolder
 * reads a template with the user's own token, so it cannot run it either).
 */
const NO_TEMPLATES = condition(
  'all but templates',
  RESOURCE_TYPE_CATALOG_ENTITY,
  permission =>
    createCatalogConditionalDecision(
      permission as ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>,
      { not: catalogConditions.isEntityKind({ kinds: ['Template'] }) },
    ),
);

/**
 * Templates tagged so are the ops manager's alone (the quarterly volume and the DOC-3 drafts,
 * templates/quarterly-volume and templates/doc-drafts): the rest of the team and the IT office
 * do not see them, so the scaffolder cannot run them for them either.
 */
export const OPS_MANAGER_TEMPLATE_TAG = 'ops-manager';

const NO_OPS_MANAGER_TEMPLATES = condition(
  "all but the ops manager's templates",
  RESOURCE_TYPE_CATALOG_ENTITY,
  permission =>
    createCatalogConditionalDecision(
      permission as ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>,
      {
        not: {
          allOf: [
            catalogConditions.isEntityKind({ kinds: ['Template'] }),
            catalogConditions.hasMetadata({
              key: 'tags',
              value: OPS_MANAGER_TEMPLATE_TAG,
            }),
          ],
        },
      },
    ),
);

const A = 'allow' as const;

/** The O&M side's reading rights: everyone who handles tickets or oversees their handling. */
const OM_READ = {
  desk: A,
  engineer: A,
  'ops-manager': A,
  'court-it-office': A,
} as const;

/** Who works tickets, changes and rounds: the contractor's team, not the IT office that oversees it. */
const WORK = { desk: A, engineer: A, 'ops-manager': A } as const;

const ADMIN_ONLY = { admin: A } as const;

export const ROLE_TABLE: readonly RoleTableRow[] = [
  // --- Catalog: reading is everyone's (the templates: those who run them); writing is the portal
  // admins' (finding 2).
  {
    family: 'catalog',
    permission: catalogEntityReadPermission,
    grants: {
      requester: NO_TEMPLATES,
      desk: NO_OPS_MANAGER_TEMPLATES,
      engineer: NO_OPS_MANAGER_TEMPLATES,
      'ops-manager': A,
      'court-it-office': NO_OPS_MANAGER_TEMPLATES,
      admin: A,
      'no-role': NO_TEMPLATES,
    },
  },
  {
    family: 'catalog',
    permission: catalogEntityCreatePermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogEntityDeletePermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogEntityRefreshPermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogEntityValidatePermission,
    grants: ADMIN_ONLY,
  },
  // Locations name the files and servers the catalog is read from: not for court staff.
  {
    family: 'catalog',
    permission: catalogLocationReadPermission,
    grants: { ...OM_READ, admin: A },
  },
  {
    family: 'catalog',
    permission: catalogLocationCreatePermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogLocationAnalyzePermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogLocationDeletePermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogIngestionReadPermission,
    grants: ADMIN_ONLY,
  },
  {
    family: 'catalog',
    permission: catalogIngestionManagePermission,
    grants: ADMIN_ONLY,
  },

  // --- Scaffolder: its templates file changes, so the change filers use it; each reads and
  // cancels their own tasks, the ops manager and the IT office read all of them.
  {
    family: 'scaffolder',
    permission: templateParameterReadPermission,
    grants: { ...WORK, admin: A },
  },
  {
    family: 'scaffolder',
    permission: templateStepReadPermission,
    grants: { ...WORK, admin: A },
  },
  { family: 'scaffolder', permission: actionExecutePermission, grants: WORK },
  { family: 'scaffolder', permission: taskCreatePermission, grants: WORK },
  {
    family: 'scaffolder',
    permission: taskReadPermission,
    grants: {
      desk: OWN_TASKS,
      engineer: OWN_TASKS,
      'ops-manager': A,
      'court-it-office': A,
    },
  },
  {
    family: 'scaffolder',
    permission: taskCancelPermission,
    grants: { desk: OWN_TASKS, engineer: OWN_TASKS, 'ops-manager': OWN_TASKS },
  },
  // A dry run executes the template's steps; nobody needs it on the court's fixed templates.
  { family: 'scaffolder', permission: templateDryRunPermission, grants: {} },
  {
    family: 'scaffolder',
    permission: templateManagementPermission,
    grants: ADMIN_ONLY,
  },

  // --- Service desk (tickets) and changes (CHG-2). The portal admin has no part in them.
  {
    family: 'tickets',
    permission: ticketCreatePermission,
    grants: { requester: A, ...OM_READ },
  },
  {
    family: 'tickets',
    permission: ticketReadPermission,
    grants: { requester: OWN_TICKETS, ...OM_READ },
  },
  { family: 'tickets', permission: ticketReadAllPermission, grants: OM_READ },
  {
    family: 'tickets',
    permission: ticketUpdatePermission,
    grants: { requester: OWN_TICKETS, ...OM_READ },
  },
  { family: 'tickets', permission: ticketWorkPermission, grants: WORK },
  { family: 'changes', permission: changeCreatePermission, grants: WORK },
  {
    family: 'changes',
    permission: changeApprovePermission,
    grants: { 'court-it-office': A },
  },
  {
    family: 'changes',
    permission: changeFreezeManagePermission,
    grants: { 'court-it-office': A },
  },

  // --- Knowledge base: court staff read public articles; the O&M side reads all; workers write.
  {
    family: 'kb',
    permission: kbArticleReadPermission,
    grants: { requester: PUBLIC_ARTICLES, ...OM_READ },
  },
  { family: 'kb', permission: kbArticleCreatePermission, grants: WORK },
  { family: 'kb', permission: kbArticleUpdatePermission, grants: WORK },

  // --- Inspections (巡检): the contractor runs rounds, its manager plans them, the IT office reads.
  {
    family: 'inspections',
    permission: inspectionRoundReadPermission,
    grants: OM_READ,
  },
  {
    family: 'inspections',
    permission: inspectionRoundRunPermission,
    grants: WORK,
  },
  {
    family: 'inspections',
    permission: inspectionPlanManagePermission,
    grants: { 'ops-manager': A },
  },
  {
    family: 'inspections',
    permission: inspectionCoverageReadPermission,
    grants: OM_READ,
  },

  // --- Official calendar: every role reads it; the court IT office enters next year's schedule
  // (portal admins too: it is a platform setting); those who plan and oversee are warned.
  {
    family: 'calendar',
    permission: calendarScheduleReadPermission,
    grants: { requester: A, ...OM_READ, admin: A },
  },
  {
    family: 'calendar',
    permission: calendarScheduleUpdatePermission,
    grants: { 'court-it-office': A, admin: A },
  },
  {
    family: 'calendar',
    permission: calendarWarningReadPermission,
    grants: { 'ops-manager': A, 'court-it-office': A },
  },

  // --- Service reports: the ops manager issues them, the court IT office receives and
  // acknowledges them, the desk reads the figures it answers for; court staff see none.
  {
    family: 'reports',
    permission: reportReadPermission,
    grants: { desk: A, 'ops-manager': A, 'court-it-office': A },
  },
  {
    family: 'reports',
    permission: reportIssuePermission,
    grants: { 'ops-manager': A },
  },
  {
    family: 'reports',
    permission: reportAcknowledgePermission,
    grants: { 'court-it-office': A },
  },

  // --- Document archive: everyone reads public documents (restricted ones: the IT office and
  // each document's named readers, decided by the archive); the team and the IT office register
  // documents; the ops manager compiles the quarterly volume and the DOC-3 drafts.
  {
    family: 'archive',
    permission: archiveReadPermission,
    grants: { requester: A, ...OM_READ },
  },
  {
    family: 'archive',
    permission: archiveRestrictedReadPermission,
    grants: { 'court-it-office': A },
  },
  {
    family: 'archive',
    permission: archiveCreatePermission,
    grants: OM_READ,
  },
  {
    family: 'archive',
    permission: archiveVolumeCompilePermission,
    grants: { 'ops-manager': A },
  },

  // --- Duty: everyone sees the roster and who is on call; the engineers (desk, engineer posts,
  // the ops manager) stand shifts (swaps, leave, check-in, their calendar feed); the ops manager
  // runs the roster and decides leave for the contractor, the court IT office for the court;
  // both read attendance.
  {
    family: 'duty',
    permission: dutyRosterReadPermission,
    grants: { requester: A, ...OM_READ },
  },
  {
    family: 'duty',
    permission: dutyRosterManagePermission,
    grants: { 'ops-manager': A },
  },
  {
    family: 'duty',
    permission: dutyShiftStandPermission,
    // The ops manager is one of the contractor's off-site support engineers too; only those in
    // duty.engineers stand shifts, the duty service checks that.
    grants: { desk: A, engineer: A, 'ops-manager': A },
  },
  {
    family: 'duty',
    permission: dutyLeaveApproveCourtPermission,
    grants: { 'court-it-office': A },
  },
  {
    family: 'duty',
    permission: dutyLeaveApproveContractorPermission,
    grants: { 'ops-manager': A },
  },
  {
    family: 'duty',
    permission: dutyAttendanceReadPermission,
    grants: { 'ops-manager': A, 'court-it-office': A },
  },
  // Major-event assurance (重点保障): the ops manager and the court IT office plan; the engineers
  // and the desk who guard the event read the plans; court staff do not see them.
  {
    family: 'duty',
    permission: dutyMajorEventReadPermission,
    grants: OM_READ,
  },
  {
    family: 'duty',
    permission: dutyMajorEventManagePermission,
    grants: { 'ops-manager': A, 'court-it-office': A },
  },
  // --- Monitoring intake: the O&M side reads alerts, their incidents, the status board and the
  // intake's health; what the intake could not place (dead letters, unmapped alerts) is the desk's
  // to sort out, with the engineers and the ops manager looking on. Sources post with their own
  // static tokens, checked by the monitoring plugin against each receiver's subject, not here.
  {
    family: 'monitoring',
    permission: monitoringReadPermission,
    grants: OM_READ,
  },
  {
    family: 'monitoring',
    permission: monitoringIntakeReadPermission,
    grants: { desk: A, engineer: A, 'ops-manager': A },
  },
  // --- Spare parts and repairs: the O&M side and the IT office read the store and the repairs;
  // the team takes, returns and counts parts and sends devices out; the ops manager keeps the
  // register (part types and their minimums, locations, vendors).
  {
    family: 'spares',
    permission: sparesReadPermission,
    grants: OM_READ,
  },
  {
    family: 'spares',
    permission: sparesMovePermission,
    grants: WORK,
  },
  {
    family: 'spares',
    permission: sparesRepairPermission,
    grants: WORK,
  },
  {
    family: 'spares',
    permission: sparesManagePermission,
    grants: { 'ops-manager': A },
  },
  // --- Audit trail (SEC-3): the court's own check on everyone who works in the portal, the
  // contractor's team and its manager included, so the court IT office alone reads and verifies it.
  {
    family: 'audit',
    permission: auditReadPermission,
    grants: { 'court-it-office': A },
  },
  {
    family: 'audit',
    permission: auditVerifyPermission,
    grants: { 'court-it-office': A },
  },
  // --- Confidential access (SEC-1, SEC-2): engineers (and the contractor's ops managers, who
  // also work cases) request access to a device for a ticket and record its uses; the court IT office decides, and keeps the engineers' records. Everyone
  // in the court sees grants; which ones is the access plugin's rule (court staff: grants on the
  // devices they own, with the code to check the engineer at their desk).
  {
    family: 'access',
    permission: accessGrantRequestPermission,
    grants: { engineer: A, 'ops-manager': A },
  },
  {
    family: 'access',
    permission: accessGrantReadPermission,
    grants: { requester: A, ...OM_READ },
  },
  {
    family: 'access',
    permission: accessGrantReadAllPermission,
    grants: { desk: A, 'ops-manager': A, 'court-it-office': A },
  },
  {
    family: 'access',
    permission: accessGrantDecidePermission,
    grants: { 'court-it-office': A },
  },
  {
    family: 'access',
    permission: accessGrantUsePermission,
    grants: { engineer: A, 'ops-manager': A },
  },
  {
    family: 'access',
    permission: accessReportReadPermission,
    grants: { 'ops-manager': A, 'court-it-office': A },
  },
  {
    family: 'access',
    permission: accessEngineerReadPermission,
    grants: OM_READ,
  },
  {
    family: 'access',
    permission: accessEngineerManagePermission,
    grants: { 'court-it-office': A },
  },

  // Later families: add their rows here.
];

/**
 * Installed plugins that define no permission of their own, and why that is safe. Listed so the
 * matrix in docs/permissions.md accounts for every plugin.
 */
export const PLUGINS_WITHOUT_PERMISSIONS: Readonly<Record<string, string>> = {
  search:
    "filters each result by its document type's read permission (catalog.entity.read, kb.article.read)",
  notifications: 'a user reads and marks only notifications addressed to them',
  signals: 'pushes only channels the backend publishes to the subscriber',
  'user-settings': "a user's own settings",
};

const byName = new Map(ROLE_TABLE.map(row => [row.permission.name, row]));

/** The row of a permission, if the table has one. */
export function rowOf(permission: Permission): RoleTableRow | undefined {
  return byName.get(permission.name);
}
