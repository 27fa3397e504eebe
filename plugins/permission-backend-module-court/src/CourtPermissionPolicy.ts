import type {
  AuditorService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { Caller, rowOf, TableRole } from './roleTable';
import { CourtRole, GroupRoleMap, rolesOf } from './roles';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const sameConditions = (
  a: ConditionalPolicyDecision,
  b: ConditionalPolicyDecision,
) => JSON.stringify(a.conditions) === JSON.stringify(b.conditions);

/**
 * The court's permission policy: roles come from catalog group membership (`courtOps.roles`),
 * each decision is read from the one role table (`roleTable.ts`), a user in several roles gets
 * the union, and a permission the table does not name is denied.
 */
export class CourtPermissionPolicy implements PermissionPolicy {
  readonly #groupRoles: GroupRoleMap;
  readonly #userInfo: UserInfoService;
  readonly #logger?: LoggerService;
  readonly #auditor?: AuditorService;

  constructor(options: {
    groupRoles: GroupRoleMap;
    userInfo: UserInfoService;
    logger?: LoggerService;
    /** Denials are audited here: Backstage's permission backend audits no decision. */
    auditor?: AuditorService;
  }) {
    this.#groupRoles = options.groupRoles;
    this.#userInfo = options.userInfo;
    this.#logger = options.logger;
    this.#auditor = options.auditor;
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
    const { userEntityRef, ownershipEntityRefs } =
      await this.#userInfo.getUserInfo(user.credentials);
    const roles = rolesOf(this.#groupRoles, ownershipEntityRefs);
    if (!rowOf(request.permission)) {
      // Deny by default, loudly: a plugin asks for a permission nobody has placed in the table.
      this.#logger?.warn(
        `Denied permission ${request.permission.name}: not in the court role table`,
      );
    }
    const decision = decide(request.permission, roles, {
      userEntityRef,
      ownershipEntityRefs,
    });
    if (decision.result === AuthorizeResult.DENY) {
      await this.#auditDenial(request.permission.name, userEntityRef);
    }
    return decision;
  }

  /** One audit row per denial, naming the user (the event has no request of its own). */
  async #auditDenial(permission: string, userEntityRef: string) {
    if (!this.#auditor) return;
    const meta = { actorRef: userEntityRef, permission, result: 'DENY' };
    const event = await this.#auditor.createEvent({
      eventId: 'policy-decision',
      severityLevel: 'low',
      meta,
    });
    await event.fail({
      error: new Error(`${permission} denied to ${userEntityRef}`),
      meta,
    });
  }
}

/** The decision for one permission, given the caller's roles: the union of their table cells. */
export function decide(
  permission: Permission,
  roles: ReadonlySet<CourtRole>,
  caller: Caller,
): PolicyDecision {
  const row = rowOf(permission);
  if (!row) {
    return DENY;
  }
  const columns: TableRole[] = roles.size === 0 ? ['no-role'] : [...roles];
  const grants = columns.flatMap(role => {
    const grant = row.grants[role];
    return grant ? [grant] : [];
  });
  if (grants.some(grant => grant === 'allow')) {
    return ALLOW;
  }
  if (grants.length === 0 || !isResourcePermission(permission)) {
    return DENY;
  }
  const conditional: ConditionalPolicyDecision[] = [];
  for (const grant of grants) {
    if (grant === 'allow') continue;
    const decision = grant.decide(permission, caller);
    // Two roles with the same narrowing give it once.
    if (!conditional.some(d => sameConditions(d, decision))) {
      conditional.push(decision);
    }
  }
  const [first, ...others] = conditional;
  if (others.length === 0) {
    return first;
  }
  return {
    ...first,
    conditions: {
      anyOf: [first.conditions, ...others.map(d => d.conditions)],
    },
  };
}
