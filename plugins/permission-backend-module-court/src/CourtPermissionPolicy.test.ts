import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationReadPermission,
  catalogPermissions,
} from '@backstage/plugin-catalog-common/alpha';
import {
  actionExecutePermission,
  scaffolderPermissions,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  inspectionCoverageReadPermission,
  inspectionPermissions,
  inspectionPlanManagePermission,
  inspectionRoundReadPermission,
  inspectionRoundRunPermission,
} from '@internal/plugin-inspections-common';
import {
  changeApprovePermission,
  changeCreatePermission,
  changeFreezeManagePermission,
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketUpdatePermission,
  ticketPermissions,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import {
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
  kbPermissions,
} from '@internal/plugin-kb-common';
import { courtRolesConfig } from './__fixtures__/courtRolesConfig';
import { CourtPermissionPolicy } from './CourtPermissionPolicy';
import { ROLE_TABLE } from './roleTable';
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

function policyFor(
  who: string,
  groups: readonly string[],
  logger = mockServices.logger.mock(),
) {
  const ownershipEntityRefs = [userRef(who), ...groups];
  const userInfo = mockServices.userInfo({ ownershipEntityRefs });
  const policy = new CourtPermissionPolicy({
    groupRoles: readGroupRoleMap(courtRolesConfig),
    userInfo,
    logger,
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

const unknownInspectionPermission = createPermission({
  name: 'inspections.template.delete',
  attributes: { action: 'update' },
});
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

// "own" = CONDITIONAL on IS_REPORTER with the caller's ownership refs; "public" = CONDITIONAL on
// the article being marked public; "own tasks" = CONDITIONAL on IS_TASK_OWNER with the caller;
// "no templates" = CONDITIONAL on the entity not being a Template; "not ops manager's" = not a
// Template tagged `ops-manager`.
type Expected =
  | typeof ALLOW
  | typeof DENY
  | 'own'
  | 'public'
  | 'own tasks'
  | 'no templates'
  | "not ops manager's";
const roles = Object.keys(users);
const table: Array<[Permission, Expected[]]> = [
  // Columns in the order of `users`: requester, desk, engineer, ops-manager, court-it-office,
  // admin, no role.
  // The portal admin (catalog and platform settings) has no ticket or change rights.
  [ticketCreatePermission, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY]],
  [ticketReadPermission, ['own', ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY]],
  [ticketUpdatePermission, ['own', ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY]],
  [ticketReadAllPermission, [DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY]],
  [ticketWorkPermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [changeCreatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [changeApprovePermission, [DENY, DENY, DENY, DENY, ALLOW, DENY, DENY]],
  [changeFreezeManagePermission, [DENY, DENY, DENY, DENY, ALLOW, DENY, DENY]],
  [unknownTicketPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  // Engineers, the desk and the ops manager run rounds; the ops manager manages plans; the
  // court IT office reads rounds and coverage; court staff get nothing.
  [
    inspectionRoundReadPermission,
    [DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY],
  ],
  [inspectionRoundRunPermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [inspectionPlanManagePermission, [DENY, DENY, DENY, ALLOW, DENY, DENY, DENY]],
  [
    inspectionCoverageReadPermission,
    [DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY],
  ],
  [unknownInspectionPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  // Court staff read public articles; the O&M side reads all; those who work tickets write.
  [kbArticleReadPermission, ['public', ALLOW, ALLOW, ALLOW, ALLOW, DENY, DENY]],
  [kbArticleCreatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [kbArticleUpdatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [unknownKbPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  // Catalog: everyone reads (court staff and newcomers no templates, the rest of the team and the
  // IT office not the ops manager's); only the portal admin writes (issue 12 finding 2).
  [
    catalogEntityReadPermission,
    [
      'no templates',
      "not ops manager's",
      "not ops manager's",
      ALLOW,
      "not ops manager's",
      ALLOW,
      'no templates',
    ],
  ],
  [catalogEntityDeletePermission, [DENY, DENY, DENY, DENY, DENY, ALLOW, DENY]],
  [catalogEntityRefreshPermission, [DENY, DENY, DENY, DENY, DENY, ALLOW, DENY]],
  [
    catalogLocationCreatePermission,
    [DENY, DENY, DENY, DENY, DENY, ALLOW, DENY],
  ],
  [
    catalogLocationAnalyzePermission,
    [DENY, DENY, DENY, DENY, DENY, ALLOW, DENY],
  ],
  [
    catalogLocationReadPermission,
    [DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY],
  ],
  // Scaffolder: change filers run templates and read their own tasks (finding 1).
  [taskCreatePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [actionExecutePermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, DENY]],
  [
    taskReadPermission,
    [DENY, 'own tasks', 'own tasks', ALLOW, ALLOW, DENY, DENY],
  ],
  [
    taskCancelPermission,
    [DENY, 'own tasks', 'own tasks', 'own tasks', DENY, DENY, DENY],
  ],
];

const cases = table.flatMap(([permission, expected]) =>
  roles.map(
    (who, i) => [permission.name, who, permission, expected[i]] as const,
  ),
);

/** The decision an expectation in the table stands for, for a user with these ownership refs. */
function decisionFor(
  expected: Expected,
  who: string,
  ownershipEntityRefs: readonly string[],
): PolicyDecision {
  switch (expected) {
    case 'own tasks':
      return {
        result: CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          resourceType: 'scaffolder-task',
          params: { createdBy: [userRef(who)] },
        },
      };
    case "not ops manager's":
      return {
        result: CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          not: {
            allOf: [
              {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['Template'] },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'tags', value: 'ops-manager' },
              },
            ],
          },
        },
      };
    case 'no templates':
      return {
        result: CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          not: {
            rule: 'IS_ENTITY_KIND',
            resourceType: 'catalog-entity',
            params: { kinds: ['Template'] },
          },
        },
      };
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
      decisionFor(expected, who, ownershipEntityRefs),
    );
  });

  it('gives a user in several roles the union', async () => {
    // The IT office head is a portal admin too: IT office rights plus catalog administration,
    // and still no ticket work or change filing (the admin role grants none).
    const { decide } = policyFor('huangjun', [
      ...users['court-it-office'],
      ...users.admin,
    ]);
    expect(await decide(changeApprovePermission)).toEqual({ result: ALLOW });
    expect(await decide(catalogEntityDeletePermission)).toEqual({
      result: ALLOW,
    });
    expect(await decide(ticketWorkPermission)).toEqual({ result: DENY });
    expect(await decide(changeCreatePermission)).toEqual({ result: DENY });
  });

  it('gives a narrowing shared by two roles once', async () => {
    // zhangwei is at the desk and on the hardware post: both read their own tasks.
    const { decide } = policyFor('zhangwei', [
      'group:default/service-desk-post',
      'group:default/hardware-post',
    ]);
    expect(await decide(taskReadPermission)).toEqual(
      decisionFor('own tasks', 'zhangwei', []),
    );
  });

  it('denies a permission the table does not name and logs its name', async () => {
    const logger = mockServices.logger.mock();
    const { decide } = policyFor('wuxia', users['court-it-office'], logger);
    expect(await decide(unknownTicketPermission)).toEqual({ result: DENY });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('tickets.ticket.delete'),
    );
    logger.warn.mockClear();
    await decide(ticketReadAllPermission);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('denies a caller who is not signed in', async () => {
    const policy = new CourtPermissionPolicy({
      groupRoles: readGroupRoleMap(courtRolesConfig),
      userInfo: mockServices.userInfo(),
    });
    for (const permission of [
      ticketCreatePermission,
      catalogEntityReadPermission,
    ]) {
      expect(await policy.handle({ permission })).toEqual({ result: DENY });
    }
  });
});

describe('the role table', () => {
  it('has a row for every permission of every installed plugin', () => {
    const names = new Set(ROLE_TABLE.map(row => row.permission.name));
    const installed = [
      ...catalogPermissions,
      ...scaffolderPermissions,
      ...ticketPermissions,
      ...kbPermissions,
      ...inspectionPermissions,
    ];
    expect(installed.map(p => p.name).filter(n => !names.has(n))).toEqual([]);
  });

  it('has one row per permission', () => {
    const names = ROLE_TABLE.map(row => row.permission.name);
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('denials on the audit trail', () => {
  function audited() {
    const events: Array<{ eventId: string; meta?: object; outcome: string }> =
      [];
    const auditor = {
      async createEvent(options: { eventId: string; meta?: object }) {
        return {
          success: async () => {
            events.push({ ...options, outcome: 'succeeded' });
          },
          fail: async () => {
            events.push({ ...options, outcome: 'failed' });
          },
        };
      },
    };
    const policy = new CourtPermissionPolicy({
      groupRoles: readGroupRoleMap(courtRolesConfig),
      userInfo: mockServices.userInfo({
        ownershipEntityRefs: ['user:default/xuli', ...users.requester],
      }),
      auditor,
    });
    const credentials = mockCredentials.user('user:default/xuli');
    const decide = (permission: Permission) =>
      policy.handle(
        { permission },
        {
          credentials,
          info: {
            userEntityRef: 'user:default/xuli',
            ownershipEntityRefs: [...users.requester],
          },
        },
      );
    return { events, decide };
  }

  it('records each denied decision once, naming the user and the permission', async () => {
    const { events, decide } = audited();
    expect((await decide(changeApprovePermission)).result).toBe(DENY);
    expect(events).toEqual([
      {
        eventId: 'policy-decision',
        severityLevel: 'low',
        meta: {
          actorRef: 'user:default/xuli',
          permission: changeApprovePermission.name,
          result: 'DENY',
        },
        outcome: 'failed',
      },
    ]);
  });

  it('records no allowed or conditional decision', async () => {
    const { events, decide } = audited();
    expect((await decide(ticketCreatePermission)).result).toBe(ALLOW);
    expect((await decide(ticketReadPermission)).result).toBe(CONDITIONAL);
    expect(events).toEqual([]);
  });
});
