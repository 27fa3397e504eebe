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
import { courtClockServiceRef } from '@internal/plugin-court-node';
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
  tableLets,
  urlOf,
} from './__testUtils__/routeCalls';

jest.setTimeout(300_000);

const repo = path.resolve(__dirname, '../../../..');

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const DEVICE = 'resource:default/led-display-01';

/** Bodies that pass a route's schema and change something, so the change itself is audited. */
const CHANGES: Readonly<Record<string, object>> = {
  'POST /api/tickets/tickets': {
    type: 'incident',
    title: '审计完整性探针 audit completeness probe',
    urgency: 'low',
    impact: 'small',
    entityRefs: [DEVICE],
  },
};

/**
 * Routes that check their input before they open the audit event: a call refused with 400 (the
 * route's own schema) changed nothing and leaves no row. The test fails when one of them starts
 * auditing refused input or when another route stops (so this list is exactly what it says).
 */
const INPUT_CHECKED_BEFORE_AUDIT = new Set([
  'POST /api/permission/authorize',
  'POST /api/notifications/settings',
  'POST /api/notifications/update',
  'POST /api/notifications/notifications/update',
  'POST /api/kb/articles',
  'PUT /api/kb/articles/:id',
  'POST /api/kb/articles/:id/restore',
  'POST /api/kb/known-errors',
  'PATCH /api/tickets/tickets/:ref',
  'POST /api/tickets/tickets/:ref/actions',
  'POST /api/tickets/tickets/:ref/comments',
  'POST /api/tickets/tickets/:ref/work-logs',
  'POST /api/tickets/tickets/:ref/links',
  'POST /api/tickets/changes/freezes',
  'POST /api/tickets/changes',
  'POST /api/tickets/changes/:ref/actions',
  'POST /api/scaffolder/v2/autocomplete/:provider/:resource',
  'POST /api/catalog/entities/by-refs',
  'POST /api/catalog/entity-facets',
  'POST /api/inspections/rounds',
  'PUT /api/inspections/checks/:checkId/results/:itemId',
  'POST /api/inspections/scans',
  'PUT /api/inspections/plans/:id',
  // The probe's code is not a code: refused before anything is looked up.
  'POST /api/paging/a/:code',
]);

/**
 * Routes whose "not found" answer comes before the audit event: the call named a thing that does
 * not exist and changed nothing. Listed for the same reason as above.
 */
const LOOKED_UP_BEFORE_AUDIT = new Set([
  'POST /api/tickets/parameters/:entityRef',
  // The actions registry answers 404 for an unknown action before any action runs.
  ...['search', 'notifications', 'catalog', 'scaffolder'].flatMap(plugin =>
    ['v1', 'v2'].map(
      v =>
        `POST /api/${plugin}/.backstage/actions/${v}/actions/:actionId/invoke`,
    ),
  ),
]);

/**
 * SEC-3 "every action is attributable": every mutating route of every backend plugin (from the
 * routers, as the role × route matrix reads them), called once by a role the table lets past its
 * gate, leaves exactly one stored audit row naming that user.
 */
describe('audit completeness on the real backend', () => {
  let backend: MatrixBackend;
  let sink: AuditSink | undefined;

  beforeAll(async () => {
    backend = await startMatrixBackend({
      catalogFiles: [
        path.join(repo, 'catalog/all.yaml'),
        path.join(repo, 'templates/change-request/template.yaml'),
        path.join(__dirname, '__fixtures__/probe-template.yaml'),
      ],
      features: [
        courtAuditorServiceFactory,
        createServiceFactory({
          service: auditSinkServiceRef,
          deps: {
            clock: courtClockServiceRef,
            logger: coreServices.rootLogger,
          },
          factory({ clock, logger }) {
            sink = new AuditSink({
              capacity: 10_000,
              batchSize: 500,
              clock,
              logger,
            });
            return sink;
          },
        }),
      ],
    });
  });

  afterAll(() => backend?.stop());

  /** The catalog reads its files after start: the probe ticket needs its device. */
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

  /** The stored rows of one user's calls to one plugin (not the policy's denials), newest first. */
  async function rowsOf(user: string, pluginId: string): Promise<AuditEvent[]> {
    await sink!.drained();
    const items: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(backend.server)
        .get('/api/audit/events')
        .query({
          actor: `user:default/${user}`,
          plugin: pluginId,
          limit: 500,
          cursor,
        })
        .set('authorization', as(roleExamples['court-it-office']));
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('stores one row naming the caller for every change, and never two for one call', async () => {
    await waitForDevice();
    const routes = backend.routes().filter(route => MUTATING.has(route.method));
    const problems: string[] = [];
    const changed: string[] = [];
    let called = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const expectation = expectationOf(route);
      // Routes for plugins only (permission integration) have no user to name.
      if (!expectation || expectation.guard === 'service') continue;
      const role = TABLE_ROLES.find(r => tableLets(r, expectation));
      if (!role) continue;
      const user = roleExamples[role];
      const url = urlOf(route);
      const before = (await rowsOf(user, route.pluginId)).length;
      const { status, body: answer } = await call(
        backend.server,
        route as Route,
        user,
        CHANGES[key] ?? expectation.body,
      );
      called++;
      const after = await rowsOf(user, route.pluginId);
      const rows = after
        .slice(0, after.length - before)
        .filter(
          row => row.method === route.method && row.url?.split('?')[0] === url,
        ).length;
      const excused =
        (status === 400 && INPUT_CHECKED_BEFORE_AUDIT.has(key)) ||
        (status === 404 && LOOKED_UP_BEFORE_AUDIT.has(key));
      if (status < 300) changed.push(key);
      if (CHANGES[key] && status >= 300)
        problems.push(`${key}: ${JSON.stringify(answer)}`);
      if (rows > 1) problems.push(`${key} (${status}): ${rows} rows`);
      else if (rows === 0 && !excused)
        problems.push(`${key} (${status}): no row`);
      else if (rows === 1 && excused)
        problems.push(`${key} (${status}): now audited, unlist it`);
    }
    // eslint-disable-next-line no-console
    console.log(
      `audit completeness: ${called} mutating routes called as a permitted role; ` +
        `${changed.length} answered 2xx: ${changed.join(', ')}`,
    );
    expect(problems).toEqual([]);
    expect(changed).toContain('POST /api/tickets/tickets');
  });
});
