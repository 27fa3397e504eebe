import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
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
import {
  createKbArticleConditionalDecision,
  kbArticleCreatePermission,
  kbArticleHasVisibility,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
} from '@internal/plugin-kb-common';
import {
  createTicketConditionalDecision,
  ticketConditions,
} from '@internal/plugin-tickets-node';
import { COURT_ROLES, CourtRole, GroupRoleMap, rolesOf } from './roles';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** The O&M side: everyone who handles tickets or oversees their handling. */
const OM_ROLES: readonly CourtRole[] = [
  'desk',
  'engineer',
  'ops-manager',
  'court-it-office',
  'admin',
];

/** Who may work a ticket. The court IT office oversees the contractor's work but does not do it. */
const WORK_ROLES: readonly CourtRole[] = [
  'desk',
  'engineer',
  'ops-manager',
  'admin',
];

/** What a user with no role may do besides their own settings (which need no permission). */
const NO_ROLE_PERMISSIONS = new Set([
  'catalog.entity.read',
  'catalog.location.read',
]);

/** Who changes inspection plans: the contractor's managers and the portal admins. */
const PLAN_ROLES: readonly CourtRole[] = ['ops-manager', 'admin'];

/**
 * Inspections (巡检), by permission name: this module does not depend on the inspections
 * plugin's package, and the names are its public contract (plugins/inspections-common).
 * Reading rounds and coverage is the O&M side's (the court IT office included); running
 * rounds is the work roles'; court staff get none of it.
 */
const INSPECTION_ROLES: Readonly<Record<string, readonly CourtRole[]>> = {
  'inspections.round.read': OM_ROLES,
  'inspections.coverage.read': OM_ROLES,
  'inspections.round.run': WORK_ROLES,
  'inspections.plan.manage': PLAN_ROLES,
};

// --- official calendar (issue 22): kept apart for the lead to fold into the role table ---
/**
 * The official calendar, by permission name (plugins/calendar-common): every role reads the
 * schedules; the court IT office (and the portal admins) enters them; ops managers and the
 * court IT office are warned when next year is missing.
 */
const CALENDAR_ROLES: Readonly<Record<string, readonly CourtRole[]>> = {
  'calendar.schedule.read': COURT_ROLES,
  'calendar.schedule.update': ['court-it-office', 'admin'],
  'calendar.warning.read': ['ops-manager', 'court-it-office', 'admin'],
};
// --- end official calendar ---

const hasAny = (roles: ReadonlySet<CourtRole>, wanted: readonly CourtRole[]) =>
  wanted.some(role => roles.has(role));

/**
 * The court's permission policy: roles come from catalog group membership (`courtOps.roles`),
 * a user in several roles gets the union.
 */
export class CourtPermissionPolicy implements PermissionPolicy {
  readonly #groupRoles: GroupRoleMap;
  readonly #userInfo: UserInfoService;

  constructor(options: {
    groupRoles: GroupRoleMap;
    userInfo: UserInfoService;
  }) {
    this.#groupRoles = options.groupRoles;
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // Service-to-service calls never get here (plugins' permission clients allow them), so no
    // user means an unauthenticated caller.
    if (!user) {
      return DENY;
    }
    // Through the userInfo service rather than the deprecated `user.info`.
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const roles = rolesOf(this.#groupRoles, ownershipEntityRefs);
    return decide(request.permission, roles, ownershipEntityRefs);
  }
}

/** The decision for one permission, given the caller's roles and ownership refs. */
export function decide(
  permission: Permission,
  roles: ReadonlySet<CourtRole>,
  ownershipEntityRefs: readonly string[],
): PolicyDecision {
  if (roles.size === 0) {
    // Not court staff nor O&M (e.g. someone new to the directory): browse the catalog only.
    return NO_ROLE_PERMISSIONS.has(permission.name) ? ALLOW : DENY;
  }

  if (isPermission(permission, ticketCreatePermission)) {
    return ALLOW;
  }
  if (
    isPermission(permission, ticketReadPermission) ||
    isPermission(permission, ticketUpdatePermission)
  ) {
    if (hasAny(roles, OM_ROLES)) {
      return ALLOW;
    }
    // Court staff read and comment on the tickets they reported, and only those.
    return createTicketConditionalDecision(
      permission,
      ticketConditions.isReporter({ refs: [...ownershipEntityRefs] }),
    );
  }
  if (isPermission(permission, ticketReadAllPermission)) {
    return hasAny(roles, OM_ROLES) ? ALLOW : DENY;
  }
  if (isPermission(permission, ticketWorkPermission)) {
    return hasAny(roles, WORK_ROLES) ? ALLOW : DENY;
  }
  // Changes (CHG-2): the O&M team files and carries them out; only the court IT office approves
  // them and declares freezes. Court staff have no part in them.
  if (isPermission(permission, changeCreatePermission)) {
    return hasAny(roles, WORK_ROLES) ? ALLOW : DENY;
  }
  if (
    isPermission(permission, changeApprovePermission) ||
    isPermission(permission, changeFreezeManagePermission)
  ) {
    return roles.has('court-it-office') ? ALLOW : DENY;
  }
  if (permission.name.startsWith('tickets.')) {
    // A ticket permission this policy does not know yet: closed until someone decides who gets it.
    return DENY;
  }

  if (permission.name.startsWith('inspections.')) {
    // An inspection permission not listed is closed, as for tickets.
    const allowed = INSPECTION_ROLES[permission.name] ?? [];
    return hasAny(roles, allowed) ? ALLOW : DENY;
  }

  if (permission.name.startsWith('calendar.')) {
    // A calendar permission not listed is closed, as for tickets.
    return hasAny(roles, CALENDAR_ROLES[permission.name] ?? []) ? ALLOW : DENY;
  }

  // Knowledge base: court staff read what is marked public; the O&M side, the court IT office
  // included, reads everything; those who work tickets write it.
  if (isPermission(permission, kbArticleReadPermission)) {
    return hasAny(roles, OM_ROLES)
      ? ALLOW
      : createKbArticleConditionalDecision(
          permission,
          kbArticleHasVisibility({ visibilities: ['public'] }),
        );
  }
  if (
    isPermission(permission, kbArticleCreatePermission) ||
    isPermission(permission, kbArticleUpdatePermission)
  ) {
    return hasAny(roles, WORK_ROLES) ? ALLOW : DENY;
  }
  if (permission.name.startsWith('kb.')) {
    // A knowledge-base permission this policy does not know yet: closed, as for tickets.
    return DENY;
  }

  // Interim: any role may do everything else (catalog, scaffolder, ...). The full role policy
  // for the other plugins comes in a later issue.
  return ALLOW;
}
