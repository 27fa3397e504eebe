import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// Static import: a dynamic import() of the plugin fails under jest.
// Installed (the backend uses it) but not yet a devDependency here; declaring it needs a yarn install.
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  Ticket,
  ticketReadAllPermission,
  ticketReadPermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import { ticketPermissionRules } from '@internal/plugin-tickets-node';
import { courtRolesConfig } from './__fixtures__/courtRolesConfig';
import permissionModuleCourtPolicy from './index';

jest.setTimeout(30_000);

/** Ownership refs as the catalog sign-in would give them (catalog/org.yaml). */
const ownership: Record<string, string[]> = {
  'user:default/xuli': ['user:default/xuli', 'group:default/court-staff'],
  'user:default/lina': ['user:default/lina', 'group:default/service-desk-post'],
  'user:default/wuxia': ['user:default/wuxia', 'group:default/court-it-office'],
};

async function startPermissionBackend() {
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleCourtPolicy,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          courtOps: { roles: courtRolesConfig },
        },
      }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const userEntityRef = (
            credentials.principal as { userEntityRef: string }
          ).userEntityRef;
          return {
            userEntityRef,
            ownershipEntityRefs: ownership[userEntityRef] ?? [],
          };
        },
      }).factory,
    ],
  });
  return async (authorization: string, permission: Permission) => {
    const res = await fetch(
      `http://localhost:${server.port()}/api/permission/authorize`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ items: [{ id: '1', permission }] }),
      },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    return body.items[0];
  };
}

/** The tickets plugin's rules, as its permissions registry hands them out. */
const ticketRuleset: PermissionRuleset<Ticket> = {
  getRuleByName(name) {
    const rule = Object.values(ticketPermissionRules).find(
      r => r.name === name,
    );
    if (!rule) throw new Error(`No ticket permission rule ${name}`);
    return rule;
  },
};

/** How the tickets backend asks on the user's behalf (e.g. to filter its queue). */
const onBehalfOf = (userEntityRef: string) =>
  `Bearer ${mockCredentials.user.token(userEntityRef, {
    actor: { subject: 'plugin:tickets' },
  })}`;

describe('court permission policy in the permission backend', () => {
  it('gives court staff their own tickets and the desk all of them', async () => {
    const authorize = await startPermissionBackend();

    // The tickets backend asks on the user's behalf to filter a list: court staff get a condition.
    const xuli = await authorize(
      onBehalfOf('user:default/xuli'),
      ticketReadPermission,
    );
    expect(xuli).toEqual({
      id: '1',
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'tickets',
      resourceType: 'ticket',
      conditions: {
        rule: 'IS_REPORTER',
        resourceType: 'ticket',
        params: { refs: ownership['user:default/xuli'] },
      },
    });
    expect(
      await authorize(onBehalfOf('user:default/lina'), ticketReadPermission),
    ).toEqual({
      id: '1',
      result: AuthorizeResult.ALLOW,
    });

    // The condition, run through the tickets plugin's own rules, lets her see only her tickets.
    const isAllowed = createConditionAuthorizer(ticketRuleset);
    const reportedBy = (reporter: string) => ({ reporter } as Ticket);
    expect(isAllowed(xuli, reportedBy('user:default/xuli'))).toBe(true);
    expect(isAllowed(xuli, reportedBy('user:default/mahui'))).toBe(false);
  });

  it('keeps the queue and ticket work to the O&M roles', async () => {
    const authorize = await startPermissionBackend();
    const header = (ref: string) => mockCredentials.user.header(ref);

    expect(
      await authorize(header('user:default/xuli'), ticketReadAllPermission),
    ).toEqual({
      id: '1',
      result: AuthorizeResult.DENY,
    });
    expect(
      await authorize(header('user:default/lina'), ticketReadAllPermission),
    ).toEqual({
      id: '1',
      result: AuthorizeResult.ALLOW,
    });
    expect(
      await authorize(onBehalfOf('user:default/wuxia'), ticketWorkPermission),
    ).toEqual({ id: '1', result: AuthorizeResult.DENY });
  });

  it('refuses to start with a misspelt role, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          permissionPlugin,
          permissionModuleCourtPolicy,
          mockServices.rootConfig.factory({
            data: {
              courtOps: { roles: { ...courtRolesConfig, opsManager: [] } },
            },
          }),
        ],
      }),
    ).rejects.toThrow('courtOps.roles.opsManager');
  });
});
