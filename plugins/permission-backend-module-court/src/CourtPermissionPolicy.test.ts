import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  ticketCreatePermission,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
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
const unknownTicketPermission = createPermission({
  name: 'tickets.ticket.delete',
  attributes: { action: 'delete' },
  resourceType: 'ticket',
});

// "own" = CONDITIONAL on IS_REPORTER with the caller's ownership refs.
type Expected = typeof ALLOW | typeof DENY | 'own';
const roles = Object.keys(users);
const table: Array<[Permission, Expected[]]> = [
  // Columns in the order of `users`: requester, desk, engineer, ops-manager, court-it-office,
  // admin, no role.
  [ticketCreatePermission, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketReadPermission, ['own', ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketUpdatePermission, ['own', ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketReadAllPermission, [DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [ticketWorkPermission, [DENY, ALLOW, ALLOW, ALLOW, DENY, ALLOW, DENY]],
  [unknownTicketPermission, [DENY, DENY, DENY, DENY, DENY, DENY, DENY]],
  [catalogRead, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW]],
  [catalogDelete, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
  [scaffolderRun, [ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, DENY]],
];

const cases = table.flatMap(([permission, expected]) =>
  roles.map(
    (who, i) => [permission.name, who, permission, expected[i]] as const,
  ),
);

describe('CourtPermissionPolicy', () => {
  it.each(cases)('%s for %s', async (_, who, permission, expected) => {
    const { decide, ownershipEntityRefs } = policyFor(who, users[who]);
    expect(await decide(permission)).toEqual(
      expected === 'own'
        ? {
            result: CONDITIONAL,
            pluginId: 'tickets',
            resourceType: 'ticket',
            conditions: {
              rule: 'IS_REPORTER',
              resourceType: 'ticket',
              params: { refs: ownershipEntityRefs },
            },
          }
        : { result: expected },
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
