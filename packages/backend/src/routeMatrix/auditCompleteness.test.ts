import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { AuditEvent } from '@internal/plugin-audit-common';
import {
  AuditSink,
  auditSinkServiceRef,
  courtAuditorServiceFactory,
} from '@internal/plugin-audit-node';
import {
  courtClockFactory,
  courtClockServiceRef,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import { as, roleExamples } from '@internal/plugin-court-node/testUtils';
import { TABLE_ROLES } from '@internal/plugin-permission-backend-module-court';
import {
  MatrixBackend,
  startMatrixBackend,
} from './__testUtils__/matrixBackend';
import { Route } from './__testUtils__/recordRoutes';
import { expectationOf, tableLets } from './__testUtils__/routeCalls';
import { Seed } from './__testUtils__/seed';
import {
  approvedEngineer,
  DEVICE,
  MONITORING_SOURCES,
  ValidCall,
  validCalls,
} from './__testUtils__/validCalls';

jest.setTimeout(300_000);

const repo = path.resolve(__dirname, '../../../..');

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const keyOf = (route: Route) => `${route.method} ${route.path}`;

/** The court clock stands at Tuesday 2026-03-03, 10:00 in Beijing: a working day, on-site hours. */
const clock = new ManualCourtClock('2026-03-03T10:00:00+08:00');
const COURT_NOW = clock.now();

/**
 * The duty team: one post all five resident engineers stand (the example court's posts need
 * more people than it has to fill a month without vacancies, and a roster with one is not
 * published).
 */
const DUTY = {
  posts: [{ id: 'ops', name: '运维' }],
  engineers: ['lina', 'zhangwei', 'wangqiang', 'liuyang', 'chenjing'].map(
    name => ({ ref: `user:default/${name}`, posts: ['ops'] }),
  ),
};

/**
 * Routes not called, and why: no user or plugin of the portal calls them to change something.
 * A key without a plugin (`POST /.well-known/...`) stands for that route of every plugin.
 */
const NOT_CALLED: Readonly<Record<string, string>> = {
  'POST /.well-known/backstage/permissions/apply-conditions':
    "the permission backend's question to a plugin: it evaluates conditions and changes nothing",
  'POST /api/user-settings/multiget':
    "reads several of the caller's own settings in one call: a read sent as POST, it changes nothing",
  'POST /api/paging/sms-replies':
    "the SMS gateway's reply, with the gateway's shared token: an outside system",
};

const notCalled = (route: Route) =>
  NOT_CALLED[keyOf(route)] ??
  NOT_CALLED[
    `${route.method} ${route.path.slice(`/api/${route.pluginId}`.length)}`
  ];

/**
 * Routes whose call cannot succeed in the test backend, each with why and the request that is
 * refused instead: the refusal is a 4xx and one stored row naming the caller.
 */
const REFUSED: Readonly<Record<string, { why: string; call: ValidCall }>> = {
  'POST /api/scaffolder/v2/dry-run': {
    why: 'the role table grants the template dry run to no role',
    call: {
      as: 'liuyang',
      event: 'policy-decision',
      body: {
        template: {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: { name: 'probe' },
          spec: { type: 'change-request', steps: [] },
        },
        values: {},
        directoryContents: [],
      },
    },
  },
  'POST /api/scaffolder/v2/autocomplete/:provider/:resource': {
    why: 'completes from a source-control provider (GitHub, GitLab, ...), an outside system',
    call: {
      as: 'liuyang',
      params: { provider: 'github', resource: 'repositories' },
      body: { token: 'none', context: {} },
    },
  },
  'POST /api/paging/a/:code': {
    why: 'the code is only ever sent in a page through an outside channel (SMS, WeCom, DingTalk)',
    call: { as: 'liuyang', params: { code: 'ABCDEFGHJK' } },
  },
};

/** The route's path with its parameters filled in from the valid call. */
function urlOf(route: Route, call: ValidCall): string {
  return route.path.replace(/:(\w+)(\([^)]*\))?/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) {
      throw new Error(`${keyOf(route)}: the valid call names no ${name}`);
    }
    return encodeURIComponent(value);
  });
}

/**
 * SEC-3 "every action is attributable": every mutating route of every backend plugin (from the
 * routers, as the role × route matrix reads them), called once with a request that succeeds on
 * data seeded through the plugins' own APIs, leaves exactly one stored audit row: the calling
 * user as actor, the plugin, an action, the outcome.
 */
describe('audit completeness on the real backend', () => {
  let backend: MatrixBackend;
  let sink: AuditSink | undefined;
  let seed: Seed;
  const calls = validCalls({
    inHours: hours => COURT_NOW.plus({ hours }).toUTC().toISO()!,
    day: days => COURT_NOW.plus({ days }).toISODate()!,
    month: COURT_NOW.toFormat('yyyy-MM'),
  });

  beforeAll(async () => {
    backend = await startMatrixBackend({
      catalogFiles: [
        path.join(repo, 'catalog/all.yaml'),
        path.join(__dirname, '__fixtures__/probe-template.yaml'),
      ],
      config: { duty: DUTY, monitoring: { sources: MONITORING_SOURCES } },
      features: [
        courtClockFactory(clock),
        courtAuditorServiceFactory,
        createServiceFactory({
          service: auditSinkServiceRef,
          deps: {
            courtClock: courtClockServiceRef,
            logger: coreServices.rootLogger,
          },
          factory({ courtClock, logger }) {
            sink = new AuditSink({
              capacity: 10_000,
              batchSize: 500,
              clock: courtClock,
              logger,
            });
            return sink;
          },
        }),
      ],
    });
    seed = new Seed(backend.server);
    await waitForDevice();
    // SEC-2: only engineers the court IT office approved are assigned work.
    for (const { ref } of DUTY.engineers) {
      await approvedEngineer(seed, ref.split('/')[1]);
    }
  });

  afterAll(() => backend?.stop());

  /** The catalog reads its files after start: the seeded tickets need their device. */
  async function waitForDevice() {
    const name = DEVICE.split('/')[1];
    for (let i = 0; i < 150; i++) {
      const res = await request(backend.server)
        .get(`/api/catalog/entities/by-name/resource/default/${name}`)
        .set('authorization', as(roleExamples.admin));
      if (res.status === 200) return;
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error(`${DEVICE} never appeared in the catalog`);
  }

  /** The stored rows after `seq`, newest first (the court clock stands still: seq order). */
  async function rowsAfter(seq: number): Promise<AuditEvent[]> {
    await sink!.drained();
    const rows: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(backend.server)
        .get('/api/audit/events')
        .query({ limit: 500, cursor })
        .set('authorization', as(roleExamples['court-it-office']));
      expect(res.status).toBe(200);
      const page: AuditEvent[] = res.body.items;
      rows.push(...page.filter(row => row.seq > seq));
      cursor = page.some(row => row.seq <= seq)
        ? undefined
        : res.body.nextCursor;
    } while (cursor);
    return rows;
  }

  /** The newest stored row's seq, 0 before the first. */
  async function lastSeq(): Promise<number> {
    await sink!.drained();
    const res = await request(backend.server)
      .get('/api/audit/events')
      .query({ limit: 1 })
      .set('authorization', as(roleExamples['court-it-office']));
    return res.body.items[0]?.seq ?? 0;
  }

  /** Calls the route once as `user` (or the call's service); the stored rows of that call. */
  async function callOnce(route: Route, call: ValidCall, user: string) {
    const url = urlOf(route, call);
    const before = await lastSeq();
    const method = route.method.toLowerCase() as
      | 'post'
      | 'put'
      | 'patch'
      | 'delete';
    const req = request(backend.server)
      [method](url)
      .set(
        'authorization',
        call.service
          ? mockCredentials.service.header({
              onBehalfOf: mockCredentials.service(call.service),
              targetPluginId: route.pluginId,
            })
          : as(user),
      )
      .set(call.headers ?? {});
    const res = call.body === undefined ? await req : await req.send(call.body);
    // The caller's rows only: work an earlier call set going may reach the same route meanwhile
    // under its own name (the notifications backend asks the catalog's by-refs for a ticket's
    // recipients once the tickets' outbox delivers).
    const actor = call.service ?? `user:default/${user}`;
    const rows = (await rowsAfter(before)).filter(
      row =>
        row.actor === actor &&
        (call.event
          ? row.eventId === call.event
          : row.method === route.method && row.url?.split('?')[0] === url),
    );
    return { status: res.status, answer: res.body, rows };
  }

  /** What is wrong with the caller's one row of a call to `route` (callOnce keeps only theirs). */
  function wrongIn(row: AuditEvent, route: Route, outcome: string) {
    return [
      row.plugin !==
        (row.eventId === 'policy-decision' ? 'permission' : route.pluginId) &&
        `plugin ${row.plugin}`,
      !row.eventId && 'no action',
      row.outcome !== outcome && `outcome ${row.outcome}`,
    ].filter(Boolean);
  }

  it('stores exactly one row naming the caller for every mutating route', async () => {
    const routes = backend
      .routes()
      .filter(route => MUTATING.has(route.method) && !notCalled(route));
    const missing = routes
      .map(keyOf)
      .filter(key => !calls[key] && !REFUSED[key]);
    // A new mutating route fails here until the table has a call that succeeds for it.
    expect(missing).toEqual([]);
    // And no call is left over from a route that is gone.
    const served = new Set(routes.map(keyOf));
    expect(Object.keys(calls).filter(key => !served.has(key))).toEqual([]);

    const problems: string[] = [];
    let succeeded = 0;
    for (const route of routes.filter(r => !REFUSED[keyOf(r)])) {
      const key = keyOf(route);
      let call: ValidCall;
      try {
        call = await calls[key](seed);
      } catch (e) {
        problems.push(`${key}: ${(e as Error).message}`);
        continue;
      }
      const role = TABLE_ROLES.find(r => tableLets(r, expectationOf(route)!));
      const user = call.service ?? call.as ?? (role && roleExamples[role]);
      if (!user) {
        problems.push(
          `${key}: no role may call it and the table names no user`,
        );
        continue;
      }
      const { status, answer, rows } = await callOnce(route, call, user);
      if (status >= 300) {
        problems.push(`${key} as ${user}: ${status} ${JSON.stringify(answer)}`);
      } else if (rows.length !== 1) {
        problems.push(`${key} as ${user}: ${rows.length} rows`);
      } else {
        // The policy's record of a denial is the one row of a permission question it refused.
        const outcome =
          call.event === 'policy-decision' ? 'failed' : 'succeeded';
        const wrong = wrongIn(rows[0], route, outcome);
        if (wrong.length)
          problems.push(`${key} as ${user}: ${wrong.join(', ')}`);
        else succeeded++;
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `audit completeness: ${succeeded} of ${routes.length} mutating routes answered 2xx with one row naming the caller; ` +
        `${
          Object.keys(REFUSED).length
        } refused on purpose; not called: ${Object.keys(NOT_CALLED).join(
          ', ',
        )}`,
    );
    expect(problems).toEqual([]);
    // Every route but the few that cannot succeed here changed something and said who did.
    expect(succeeded).toBe(routes.length - Object.keys(REFUSED).length);
  });

  it('refuses the routes that cannot succeed here cleanly, with one row naming the caller', async () => {
    const served = new Set(backend.routes().map(keyOf));
    // An exception for a route that is gone is stale.
    expect(Object.keys(REFUSED).filter(key => !served.has(key))).toEqual([]);
    // A reason no served route stands behind is stale too.
    const uncalled = new Set(backend.routes().map(notCalled).filter(Boolean));
    expect(Object.values(NOT_CALLED).filter(why => !uncalled.has(why))).toEqual(
      [],
    );
    const problems: string[] = [];
    for (const route of backend.routes().filter(r => REFUSED[keyOf(r)])) {
      const { call } = REFUSED[keyOf(route)];
      const user = call.as!;
      const { status, answer, rows } = await callOnce(route, call, user);
      if (status < 400 || status >= 500) {
        problems.push(`${keyOf(route)}: ${status} ${JSON.stringify(answer)}`);
      } else if (rows.length !== 1) {
        problems.push(`${keyOf(route)}: ${rows.length} rows`);
      } else {
        const wrong = wrongIn(rows[0], route, 'failed');
        if (wrong.length) problems.push(`${keyOf(route)}: ${wrong.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
