import {
  authServiceFactory,
  type PluginTokenHandler,
} from '@backstage/backend-defaults/auth';
import {
  AuthService,
  coreServices,
  createBackendPlugin,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { AuthenticationError } from '@backstage/errors';
import { Router } from 'express';
import { cachePluginTokens, courtPluginTokenCache } from './pluginTokens';

const START = Date.parse('2026-12-07T01:00:00Z');
const HOUR = 3_600_000;

/** A JWT-shaped token with this payload (the cache reads `exp`, never the signature). */
function tokenWith(payload: object): string {
  const part = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part(payload)}.signature`;
}

/**
 * Backstage's handler as the cache sees it: every issue signs a new token valid for an hour from
 * the clock, every verification is counted, and tokens it did not issue are refused.
 */
function fakeHandler(clock: { ms: number }) {
  const calls = { issued: 0, verified: 0 };
  const valid = new Set<string>();
  const handler: PluginTokenHandler = {
    async issueToken({ pluginId, targetPluginId, onBehalfOf }) {
      calls.issued += 1;
      const token = tokenWith({
        sub: pluginId,
        aud: targetPluginId,
        obo: onBehalfOf?.limitedUserToken,
        n: calls.issued,
        exp: Math.floor((clock.ms + HOUR) / 1000),
      });
      valid.add(token);
      return { token };
    },
    async verifyToken(token) {
      calls.verified += 1;
      if (!valid.has(token)) throw new AuthenticationError('bad token');
      const exp = JSON.parse(
        Buffer.from(token.split('.')[1], 'base64url').toString(),
      ).exp;
      if (clock.ms >= exp * 1000) throw new AuthenticationError('expired');
      return { subject: 'plugin:tickets' };
    },
  };
  return { handler, calls };
}

describe('cachePluginTokens', () => {
  const setUp = (maxEntries?: number) => {
    const clock = { ms: START };
    const { handler, calls } = fakeHandler(clock);
    const cache = cachePluginTokens(handler, {
      now: () => clock.ms,
      maxEntries,
    });
    return { clock, calls, cache };
  };

  it('issues one token per plugin and target while it has more than five minutes to live', async () => {
    const { clock, calls, cache } = setUp();
    const toDuty = { pluginId: 'tickets', targetPluginId: 'duty' };
    const first = await cache.issueToken(toDuty);
    clock.ms += 54 * 60_000;
    expect(await cache.issueToken(toDuty)).toEqual(first);
    expect(
      (await cache.issueToken({ ...toDuty, targetPluginId: 'catalog' })).token,
    ).not.toBe(first.token);
    expect(calls.issued).toBe(2);

    // Five minutes left: a new one, which is then handed out in its turn.
    clock.ms += 60_000;
    const renewed = await cache.issueToken(toDuty);
    expect(renewed.token).not.toBe(first.token);
    expect(await cache.issueToken(toDuty)).toEqual(renewed);
    expect(calls.issued).toBe(3);
  });

  it('keeps a token acting for a user apart from the plugin’s own and from another user’s', async () => {
    const { calls, cache } = setUp();
    const expiresAt = new Date(START + HOUR);
    const request = (user?: string) => ({
      pluginId: 'tickets',
      targetPluginId: 'permission',
      ...(user ? { onBehalfOf: { limitedUserToken: user, expiresAt } } : {}),
    });
    const own = await cache.issueToken(request());
    const forWang = await cache.issueToken(request('wang'));
    const forLi = await cache.issueToken(request('li'));
    expect(new Set([own.token, forWang.token, forLi.token]).size).toBe(3);
    expect(await cache.issueToken(request('wang'))).toEqual(forWang);
    expect(calls.issued).toBe(3);
  });

  it('verifies a token once and accepts it until it expires, then asks the handler again', async () => {
    const { clock, calls, cache } = setUp();
    const { token } = await cache.issueToken({
      pluginId: 'tickets',
      targetPluginId: 'duty',
    });
    await expect(cache.verifyToken(token)).resolves.toEqual({
      subject: 'plugin:tickets',
    });
    clock.ms += HOUR - 1;
    await expect(cache.verifyToken(token)).resolves.toBeDefined();
    expect(calls.verified).toBe(1);

    clock.ms += 1;
    await expect(cache.verifyToken(token)).rejects.toThrow('expired');
    expect(calls.verified).toBe(2);
  });

  it('never remembers a token that failed, so it fails every time', async () => {
    const { calls, cache } = setUp();
    const forged = tokenWith({ sub: 'tickets', exp: START / 1000 + 3600 });
    await expect(cache.verifyToken(forged)).rejects.toThrow('bad token');
    await expect(cache.verifyToken(forged)).rejects.toThrow('bad token');
    expect(calls.verified).toBe(2);
  });

  it('holds at most its bound, forgetting the oldest first', async () => {
    const { calls, cache } = setUp(2);
    const to = (targetPluginId: string) =>
      cache.issueToken({ pluginId: 'tickets', targetPluginId });
    await to('duty');
    await to('catalog');
    await to('paging');
    expect(calls.issued).toBe(3);
    await to('paging');
    await to('catalog');
    expect(calls.issued).toBe(3);
    await to('duty');
    expect(calls.issued).toBe(4);
  });
});

describe('courtPluginTokenCache', () => {
  /** `target` authenticates with Backstage's own auth service; the test asks for tokens as `caller`. */
  interface Seen {
    subjects: string[];
    caller?: { auth: AuthService; discovery: DiscoveryService };
  }
  const plugins = (seen: Seen) => [
    createBackendPlugin({
      pluginId: 'target',
      register(env) {
        env.registerInit({
          deps: { auth: coreServices.auth, router: coreServices.httpRouter },
          async init({ auth, router }) {
            router.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
            const routes = Router();
            router.use(routes);
            routes.get('/who', async (req, res) => {
              const token = String(req.headers.authorization).slice(7);
              const credentials = await auth.authenticate(token);
              seen.subjects.push(
                auth.isPrincipal(credentials, 'service')
                  ? credentials.principal.subject
                  : 'not a service',
              );
              res.json({});
            });
          },
        });
      },
    }),
    createBackendPlugin({
      pluginId: 'caller',
      register(env) {
        env.registerInit({
          deps: { auth: coreServices.auth, discovery: coreServices.discovery },
          async init(deps) {
            seen.caller = deps;
          },
        });
      },
    }),
  ];

  it("hands Backstage's own signed token out again, and the target accepts it each time", async () => {
    const seen: Seen = { subjects: [] };
    const backend = await startTestBackend({
      features: [authServiceFactory, courtPluginTokenCache, ...plugins(seen)],
    });
    const { auth, discovery } = seen.caller!;
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'target',
      });
      tokens.push(token);
      const res = await fetch(`${await discovery.getBaseUrl('target')}/who`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
    }
    await backend.stop();
    expect(new Set(tokens).size).toBe(1);
    expect(seen.subjects).toEqual([
      'plugin:caller',
      'plugin:caller',
      'plugin:caller',
    ]);
  });
});
