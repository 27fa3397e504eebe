import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { cachePermissionDecisions } from './permissionDecisions';

const START = Date.parse('2026-12-07T01:00:00Z');
const HOUR = 3_600_000;

const ticketCreate = createPermission({
  name: 'ticket.create',
  attributes: { action: 'create' },
});
const ticketRead = createPermission({
  name: 'ticket.read',
  attributes: { action: 'read' },
  resourceType: 'ticket',
});
const auditRead = createPermission({
  name: 'audit.read',
  attributes: { action: 'read' },
});

/** A user's credentials as the backend makes them from a token expiring at `expiresAtMs`. */
function userSession(
  userEntityRef: string,
  expiresAtMs = START + HOUR,
): BackstageCredentials {
  return {
    ...mockCredentials.user(userEntityRef),
    expiresAt: new Date(expiresAtMs),
  };
}

/**
 * The permission backend as the cache sees it: court staff may file but not read the audit
 * trail, read tickets on condition; every question is counted. `denied` can be changed mid-test.
 */
function fakePermissions() {
  const asked: string[] = [];
  const denied = new Set(['audit.read']);
  const decide = (
    name: string,
  ): { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } => ({
    result: denied.has(name) ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  const inner: PermissionsService = {
    async authorize(requests) {
      requests.forEach(r =>
        asked.push(
          `authorize ${r.permission.name}${
            r.resourceRef ? ` ${r.resourceRef}` : ''
          }`,
        ),
      );
      return requests.map(r => decide(r.permission.name));
    },
    async authorizeConditional(queries) {
      queries.forEach(q => asked.push(`conditional ${q.permission.name}`));
      return queries.map(q =>
        q.permission.name === 'ticket.read'
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'tickets',
              resourceType: 'ticket',
              conditions: {
                rule: 'IS_REPORTER',
                resourceType: 'ticket',
                params: { userRef: 'user:default/wangfang' },
              },
            }
          : decide(q.permission.name),
      );
    },
  };
  return { inner, asked, denied };
}

describe('cachePermissionDecisions', () => {
  const setUp = (maxEntries?: number) => {
    const clock = { ms: START };
    const fake = fakePermissions();
    const permissions = cachePermissionDecisions(fake.inner, {
      now: () => clock.ms,
      maxEntries,
    });
    return { clock, permissions, ...fake };
  };

  it("answers a user token's second question about the same permission itself, until the token expires", async () => {
    const { clock, permissions, asked } = setUp();
    const credentials = userSession('user:default/lina');
    const ask = () =>
      permissions.authorize([{ permission: ticketCreate }], { credentials });
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    clock.ms += HOUR - 1;
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(asked).toEqual(['authorize ticket.create']);

    clock.ms += 1;
    await ask();
    expect(asked).toHaveLength(2);
  });

  it('keeps a conditional decision with its conditions, apart from the definitive one', async () => {
    const { permissions, asked } = setUp();
    const credentials = userSession('user:default/wangfang');
    const first = await permissions.authorizeConditional(
      [{ permission: ticketRead }],
      { credentials },
    );
    expect(first[0].result).toBe(AuthorizeResult.CONDITIONAL);
    await expect(
      permissions.authorizeConditional([{ permission: ticketRead }], {
        credentials,
      }),
    ).resolves.toEqual(first);
    await permissions.authorize(
      [{ permission: ticketRead, resourceRef: 'ticket-1' }],
      { credentials },
    );
    await permissions.authorize(
      [{ permission: ticketRead, resourceRef: 'ticket-1' }],
      { credentials },
    );
    // A decision on a named resource is the resource's: asked each time.
    expect(asked).toEqual([
      'conditional ticket.read',
      'authorize ticket.read ticket-1',
      'authorize ticket.read ticket-1',
    ]);
  });

  it('never keeps a denial, so the policy sees (and audits) each one', async () => {
    const { permissions, asked, denied } = setUp();
    const credentials = userSession('user:default/wangfang');
    const ask = () =>
      permissions.authorize([{ permission: auditRead }], { credentials });
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.DENY }]);
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.DENY }]);
    expect(asked).toEqual(['authorize audit.read', 'authorize audit.read']);

    // Once allowed (her next token, say), the allowance is kept.
    denied.delete('audit.read');
    await ask();
    await ask();
    expect(asked).toHaveLength(3);
  });

  it("keeps each user's and each token's decisions apart", async () => {
    const { permissions, asked } = setUp();
    const ask = (credentials: BackstageCredentials) =>
      permissions.authorize([{ permission: ticketCreate }], { credentials });
    await ask(userSession('user:default/lina'));
    await ask(userSession('user:default/zhaoqiang'));
    // Her next token (signed in again, perhaps with other groups): asked again.
    await ask(userSession('user:default/lina', START + 2 * HOUR));
    await ask(userSession('user:default/lina'));
    expect(asked).toHaveLength(3);
  });

  it('takes the expiry as a string too, as the scaffolder rebuilds a task initiator’s credentials from JSON', async () => {
    const { clock, permissions, asked } = setUp();
    const credentials = JSON.parse(
      JSON.stringify(userSession('user:default/wangqiang')),
    ) as BackstageCredentials;
    expect(typeof credentials.expiresAt).toBe('string');
    const ask = () =>
      permissions.authorize([{ permission: ticketCreate }], { credentials });
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(asked).toHaveLength(1);
    clock.ms += HOUR;
    await ask();
    expect(asked).toHaveLength(2);
  });

  it('passes service callers and tokens without an expiry straight through', async () => {
    const { permissions, asked } = setUp();
    for (const credentials of [
      mockCredentials.service('plugin:reports'),
      mockCredentials.user('user:default/lina'),
    ]) {
      await permissions.authorize([{ permission: ticketCreate }], {
        credentials,
      });
      await permissions.authorize([{ permission: ticketCreate }], {
        credentials,
      });
    }
    expect(asked).toHaveLength(4);
  });

  it('asks for a whole batch when one of its decisions is not kept, and keeps what it allows', async () => {
    const { permissions, asked } = setUp();
    const credentials = userSession('user:default/lina');
    await permissions.authorize([{ permission: ticketCreate }], {
      credentials,
    });
    const both = await permissions.authorize(
      [{ permission: ticketCreate }, { permission: auditRead }],
      { credentials },
    );
    expect(both.map(d => d.result)).toEqual([
      AuthorizeResult.ALLOW,
      AuthorizeResult.DENY,
    ]);
    expect(asked).toEqual([
      'authorize ticket.create',
      'authorize ticket.create',
      'authorize audit.read',
    ]);
  });

  it('holds at most its bound, forgetting the oldest first', async () => {
    const { permissions, asked } = setUp(2);
    const ask = (user: string) =>
      permissions.authorize([{ permission: ticketCreate }], {
        credentials: userSession(`user:default/${user}`),
      });
    await ask('lina');
    await ask('zhaoqiang');
    await ask('sunlei');
    await ask('sunlei');
    await ask('zhaoqiang');
    expect(asked).toHaveLength(3);
    await ask('lina');
    expect(asked).toHaveLength(4);
  });
});
