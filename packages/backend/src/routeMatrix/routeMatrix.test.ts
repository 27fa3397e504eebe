import path from 'node:path';
import request from 'supertest';
import { as, roleExamples } from '@internal/plugin-court-node/testUtils';
import { TABLE_ROLES } from '@internal/plugin-permission-backend-module-court';
import {
  MatrixBackend,
  startMatrixBackend,
} from './__testUtils__/matrixBackend';
import { Route } from './__testUtils__/recordRoutes';
import {
  call,
  expectationOf,
  Outcome,
  tableLets,
} from './__testUtils__/routeCalls';
import {
  ROUTE_EXPECTATIONS,
  RouteExpectation,
} from './__testUtils__/routePermissions';

jest.setTimeout(300_000);

const repo = path.resolve(__dirname, '../../../..');

const isEmpty = (body: unknown) =>
  (Array.isArray(body) && body.length === 0) ||
  (Array.isArray((body as { items?: unknown }).items) &&
    (body as { items: unknown[] }).items.length === 0);

function classify(
  { status, body }: { status: number; body: unknown },
  expectation: RouteExpectation,
): Outcome {
  if (status >= 500) return 'error';
  if (status === 401 || status === 403) return 'denied';
  if (status === 200 && expectation.emptyWhenDenied && isEmpty(body)) {
    return 'refused';
  }
  // A denied read of one resource may answer as for one that does not exist.
  if (status === 404 && expectation.resource) return 'refused';
  return 'allowed';
}

describe('role × route matrix on the real backend and the court policy', () => {
  let backend: MatrixBackend;
  let routes: Route[];

  beforeAll(async () => {
    backend = await startMatrixBackend({
      catalogFiles: [
        path.join(repo, 'catalog/all.yaml'),
        path.join(repo, 'templates/change-request/template.yaml'),
        path.join(__dirname, '__fixtures__/probe-template.yaml'),
      ],
    });
    routes = backend.routes();
  });

  afterAll(() => backend?.stop());

  it('knows what every route of every plugin asks', () => {
    const unknown = routes
      .filter(route => !expectationOf(route))
      .map(route => `${route.method} ${route.path}`);
    expect(unknown).toEqual([]);
    // And no expectation is left over from a route that is gone.
    const served = new Set(routes.map(r => `${r.method} ${r.path}`));
    expect(Object.keys(ROUTE_EXPECTATIONS).filter(k => !served.has(k))).toEqual(
      [],
    );
  });

  it('answers every route as the role table says, for every role', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const route of routes) {
      const expectation = expectationOf(route);
      if (!expectation) continue;
      for (const role of TABLE_ROLES) {
        cells++;
        const key = `${route.method} ${route.path}`;
        const res = await call(
          backend.server,
          route,
          roleExamples[role],
          expectation.body,
        );
        const outcome = classify(res, expectation);
        const lets = tableLets(role, expectation);
        const ok = lets
          ? outcome === 'allowed' || outcome === 'refused'
          : outcome === 'denied' || outcome === 'refused';
        if (!ok) {
          mismatches.push(
            `${key} as ${role}: ${res.status}, table says ${
              lets ? 'allow' : 'deny'
            }`,
          );
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `role × route matrix: ${TABLE_ROLES.length} roles × ${routes.length} routes = ${cells} calls`,
    );
    expect(mismatches).toEqual([]);
  });
});

describe("issue 12 findings that were the policy's", () => {
  let backend: MatrixBackend;
  const api = () => request(backend.server as Parameters<typeof request>[0]);

  /** The catalog reads its files after start: wait until an entity is there. */
  async function waitForEntity(ref: string) {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    for (let i = 0; i < 100; i++) {
      const res = await api()
        .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
        .set('authorization', as('platform-admin'));
      if (res.status === 200) return res.body;
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error(`${ref} never appeared in the catalog`);
  }

  beforeAll(async () => {
    backend = await startMatrixBackend({
      catalogFiles: [
        path.join(repo, 'catalog/all.yaml'),
        path.join(repo, 'templates/change-request/template.yaml'),
        path.join(__dirname, '__fixtures__/probe-template.yaml'),
      ],
    });
  });

  afterAll(() => backend?.stop());

  it("1: court staff neither read nor re-run an engineer's scaffolder task; other engineers do not either", async () => {
    await waitForEntity('template:default/probe');
    const started = await api()
      .post('/api/scaffolder/v2/tasks')
      .set('authorization', as('wangqiang'))
      .send({ templateRef: 'template:default/probe', values: {} });
    expect(started.status).toBe(201);
    const task = `/api/scaffolder/v2/tasks/${started.body.id}`;

    // The engineer reads his own task, the ops manager reads all of them.
    expect(
      (await api().get(task).set('authorization', as('wangqiang'))).status,
    ).toBe(200);
    expect(
      (await api().get(task).set('authorization', as('sunlei'))).status,
    ).toBe(200);

    for (const who of ['xuli', 'liuyang']) {
      const auth = as(who);
      expect((await api().get(task).set('authorization', auth)).status).toBe(
        403,
      );
      expect(
        (await api().get(`${task}/events`).set('authorization', auth)).status,
      ).toBe(403);
      expect(
        (await api().post(`${task}/retry`).set('authorization', auth).send({}))
          .status,
      ).toBe(403);
      expect(
        (await api().post(`${task}/cancel`).set('authorization', auth).send({}))
          .status,
      ).toBe(403);
    }
    // Court staff may not list tasks at all; another engineer's list leaves this one out.
    expect(
      (
        await api()
          .get('/api/scaffolder/v2/tasks')
          .set('authorization', as('xuli'))
      ).status,
    ).toBe(403);
    const listed = await api()
      .get('/api/scaffolder/v2/tasks')
      .set('authorization', as('liuyang'));
    expect(listed.status).toBe(200);
    expect(listed.body.tasks.map((t: { id: string }) => t.id)).not.toContain(
      started.body.id,
    );
  });

  it('2: court staff have no catalog write permission', async () => {
    const entity = await waitForEntity('system:default/network');
    const auth = as('xuli');
    const calls = [
      api()
        .post('/api/catalog/refresh')
        .send({ entityRef: 'system:default/network' }),
      api().delete(`/api/catalog/entities/by-uid/${entity.metadata.uid}`),
      api()
        .post('/api/catalog/analyze-location')
        .send({
          location: { type: 'url', target: 'https://example.invalid/x.yaml' },
        }),
      api()
        .post('/api/catalog/locations')
        .send({ type: 'url', target: 'https://example.invalid/x.yaml' }),
    ];
    for (const attempt of calls) {
      expect((await attempt.set('authorization', auth)).status).toBe(403);
    }
    // The entity is still there.
    await waitForEntity('system:default/network');
  });

  it('court staff see none of the change templates; engineers do', async () => {
    await waitForEntity('template:default/change-request');
    const byName =
      '/api/catalog/entities/by-name/template/default/change-request';
    expect(
      (await api().get(byName).set('authorization', as('xuli'))).status,
    ).toBe(404);
    expect(
      (await api().get(byName).set('authorization', as('liuyang'))).status,
    ).toBe(200);
    const templates = await api()
      .get('/api/catalog/entities?filter=kind=template')
      .set('authorization', as('xuli'));
    expect(templates.status).toBe(200);
    expect(templates.body).toEqual([]);
  });

  it('the portal admin holds no ticket or change rights', async () => {
    const auth = as('platform-admin');
    expect(
      (await api().get('/api/tickets/tickets').set('authorization', auth))
        .status,
    ).toBe(403);
    expect(
      (
        await api()
          .get('/api/tickets/changes/freezes')
          .set('authorization', auth)
      ).status,
    ).toBe(403);
  });
});
