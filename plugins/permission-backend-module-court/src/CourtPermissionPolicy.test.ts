import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
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
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
} from '@internal/plugin-kb-common';
import { courtRolesConfig } from './__fixtures__/courtRolesConfig';
import { CourtPermissionPolicy } from './CourtPermissionPolicy';
import { readGroupRoleMap } from './roles';

const { ALLOW, DENY, CONDITIONAL } = AuthorizeResult;

/** One example user per role (catalog/org.yaml), plus someone in no mapped group. */
const users: Record<string, readonly string[]> = {
  requester: ['group:default/court-staff'],
  desk: ['group:default/service-desk-post'],
  engineer: ['group:default/software-post'],
  'ops-manager': [
    'group:default/offsite-support',
    'group:default/ops-managers',
  ],
  'court-it-office': ['group:default/court-it-office'],
  admin: ['group:default/portal-admins'],
  'no role': ['group:default/yunxi-court'],
};

const userRef = (who: string) => `user:default/${who.replace(/ /g, '-')}`;

function policyFor(who: string, groups: readonly string[]) {
  const ownershipEntityRefs = [userRef(who), ...groups];
  const userInfo = mockServices.userInfo({ ownershipEntityRefs });
  const policy = new CourtPermissionPolicy({
    groupRoles: readGroupRoleMap(courtRolesConfig),
    userInfo,
  });
  const credentials = mockCredentials.user(userRef(who));
  return {
    ownershipEntityRefs,
    decide: (permission: Permission): Promise<PolicyDecision> =>
      policy.handle(
        { permission },
        {
          credentials,
          info: { userEntityRef: userRef(who), ownershipEntityRefs },
        },
      ),
  };
}

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const scaffolderRun = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
/** The inspections plugin's permissions (plugins/inspections-common/src/permissions.ts), by name. */
const inspection = (name: string, action: 'read' | 'update') =>
  createPermission({ name: `inspections.${name}`, attributes: { action } });
const roundRead = inspection('round.read', 'read');
const roundRun = inspection('round.run', 'update');
const planManage = inspection('plan.manage', 'update');
const coverageRead = inspection('coverage.read', 'read');
const unknownInspectionPermission = inspection('template.delete', 'update');
const unknownTicketPermission = createPermission({
  name: 'tickets.ticket.delete',
  attributes: { action: 'delete' },
  resourceType: 'ticket',
});

const unknownKbPermission = createPermission({
  name: 'kb.article.delete',
  attributes: { action: 'delete' },
  resourceType: 'kb-article',
});

/** The official calendar's permissions (plugins/calendar-common/src/permissions.ts), by name. */
const calendar = (name: string, action: 'read' | 'update') =>
  createPermission({ name: `calendar.${name}`, attributes: { action } });
const scheduleRead = calendar('schedule.read', 'read');
const scheduleUpdate = calendar('schedule.update', 'update');
const warningRead = calendar('warning.read', 'read');
const unknownCalendarPermission = calendar('schedule.delete', 'update');

// "own" = CONDITIONAL on IS_REPORTER with the caller's ownership refs; "public" = CONDITIONAL on
// the article being marked public.
type Expected = typeof ALLOW | typeof DENY | 'own' | 'public';
const roles = Object.keys(users);
const table: Array<[Permission, Expected[]]> = [
  // Columns in the order of `users`: requester, desk, engineer, ops-manager, court-it-office,
  // admin, no role.
  [ticketCreatePermission, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketReadPermission, ['own', ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketUpdatePermission, ['own', ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketReadAllPermission, [DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketWorkPermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, ALLOW, DENY]],
  [changeCreatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, ALLOW, DENY]],
  [changeApprovePermission, [DENY, DENY, DENY, DENY, ALLOW, DENY, DENY]],
  [changeFreezeManagePermission, [DENY, DENY, DENY, DENY, ALLOW, DENY, DENY]],
  [unknownTicketPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  // Engineers, the desk and the ops manager run rounds; the ops manager and admins manage plans;
  // the court IT office reads rounds and coverage; court staff get nothing.
  [roundRead, [DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [roundRun, [DENY, ALLOW, ALLOW, ALLOW, DENY, ALLOW, DENY]],
  [planManage, [DENY, DENY, DENY, ALLOW, DENY, ALLOW, DENY]],
  [coverageRead, [DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [unknownInspectionPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  // Court staff read public articles; the O&M side reads all; those who work tickets write.
  [
    kbArticleReadPermission,
    ['public', ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY],
  ],
  [kbArticleCreatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, ALLOW, DENY]],
  [kbArticleUpdatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, ALLOW, DENY]],
  [unknownKbPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  // Every role reads the official schedules; the court IT office enters them; ops managers and
  // the IT office are warned when next year is missing.
  [scheduleRead, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [scheduleUpdate, [DENY, DENY, DENY, DENY, ALLOW, ALLOW, DENY]],
  [warningRead, [DENY, DENY, DENY, ALLOW, ALLOW, ALLOW, DENY]],
  [unknownCalendarPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  [catalogRead, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW]],
  [catalogDelete, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [scaffolderRun, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
];

const cases = table.flatMap(([permission, expected]) =>
  roles.map(
    (who, i) => [permission.name, who, permission, expected[i]] as const,
  ),
);

/** The decision an expectation in the table stands for, for a user with these ownership refs. */
function decisionFor(
  expected: Expected,
  ownershipEntityRefs: readonly string[],
): PolicyDecision {
  switch (expected) {
    case 'own':
      return {
        result: CONDITIONAL,
        pluginId: 'tickets',
        resourceType: 'ticket',
        conditions: {
          rule: 'IS_REPORTER',
          resourceType: 'ticket',
          params: { refs: [...ownershipEntityRefs] },
        },
      };
    case 'public':
      return {
        result: CONDITIONAL,
        pluginId: 'kb',
        resourceType: 'kb-article',
        conditions: {
          rule: 'HAS_VISIBILITY',
          resourceType: 'kb-article',
          params: { visibilities: ['public'] },
        },
      };
    default:
      return { result: expected };
  }
}

describe('CourtPermissionPolicy', () => {
  it.each(cases)('%s for %s', async (_, who, permission, expected) => {
    const { decide, ownershipEntityRefs } = policyFor(who, users[who]);
    expect(await decide(permission)).toEqual(
      decisionFor(expected, ownershipEntityRefs),
    );
  });

  it('gives a user in several roles the union', async () => {
    // The IT office alone may not work tickets; an IT office member who is also a portal admin may.
    const { decide } = policyFor('huangjun', [
      ...users['court-it-office'],
      ...users.admin,
    ]);
    expect(await decide(ticketWorkPermission)).toEqual({ result: ALLOW });
  });

  it('lets an IT office member who is also a portal admin both file and approve changes', async () => {
    // The service stops them approving a change they filed or carry out themselves.
    const { decide } = policyFor('huangjun', [
      ...users['court-it-office'],
      ...users.admin,
    ]);
    expect(await decide(changeCreatePermission)).toEqual({ result: ALLOW });
    expect(await decide(changeApprovePermission)).toEqual({ result: ALLOW });
  });

  it('denies a caller who is not signed in', async () => {
    const policy = new CourtPermissionPolicy({
      groupRoles: readGroupRoleMap(courtRolesConfig),
      userInfo: mockServices.userInfo(),
    });
    for (const permission of [ticketCreatePermission, catalogRead]) {
      expect(await policy.handle({ permission })).toEqual({ result: DENY });
    }
  });
});
