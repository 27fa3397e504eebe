import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { AuditEvent } from '@internal/plugin-audit-common';
import { createCourtRouter } from '@internal/plugin-court-node';
import { as } from '@internal/plugin-court-node/testUtils';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditBackend, startAuditBackend } from './__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

const IT_OFFICE = 'wuxia';
const DESK = 'lina';

/** A family with one audited change, as every court family writes them. */
const probeFamily = createBackendPlugin({
  pluginId: 'probe',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
      },
      async init({ httpRouter, httpAuth, auditor }) {
        const { router, caller, audited } = createCourtRouter({
          httpAuth,
          auditor,
          bodyLimitKb: 10,
          authorize: async () => {},
        });
        router.post('/things', async (req, res) => {
          await caller(req);
          await audited(
            req,
            'thing-create',
            { ticket: String(req.body.ticket) },
            async () => {
              if (req.body.fail) throw new InputError('body.fail: refused');
            },
          );
          res.status(201).json({});
        });
        httpRouter.use(router);
      },
    });
  },
});

async function events(
  backend: AuditBackend,
  query: Record<string, string>,
): Promise<AuditEvent[]> {
  await backend.drained();
  const res = await request(backend.server)
    .get('/api/audit/events')
    .query(query)
    .set('authorization', as(IT_OFFICE));
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('audit plugin', () => {
  let backend: AuditBackend;
  const api = () => request(backend.server);

  afterEach(() => backend?.stop());

  it("stores a family's audited change once, naming the actor, with the request", async () => {
    backend = await startAuditBackend({ features: [probeFamily] });
    const res = await api()
      .post('/api/probe/things')
      .set('authorization', as(DESK))
      .send({ ticket: 'INC-2026-00042' });
    expect(res.status).toBe(201);
    const stored = await events(backend, { plugin: 'probe' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      plugin: 'probe',
      eventId: 'thing-create',
      actor: `user:default/${DESK}`,
      outcome: 'succeeded',
      severity: 'medium',
      target: 'INC-2026-00042',
      method: 'POST',
      url: '/api/probe/things',
      occurredAt: '2026-03-03T02:00:00.000Z',
      meta: { ticket: 'INC-2026-00042' },
      error: null,
    });
  });

  it('stores a failed change as failed, with its error', async () => {
    backend = await startAuditBackend({ features: [probeFamily] });
    await api()
      .post('/api/probe/things')
      .set('authorization', as(DESK))
      .send({ ticket: 'INC-2026-00043', fail: true })
      .expect(400);
    const stored = await events(backend, { plugin: 'probe' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      outcome: 'failed',
      error: 'InputError: body.fail: refused',
    });
  });

  it('lets the court IT office alone read the trail, 403 before 400', async () => {
    backend = await startAuditBackend();
    for (const user of [
      'xuli',
      'lina',
      'liuyang',
      'sunlei',
      'platform-admin',
    ]) {
      const res = await api()
        .get('/api/audit/events?from=yesterday')
        .set('authorization', as(user));
      expect(res.status).toBe(403);
    }
    const bad = await api()
      .get('/api/audit/events?from=yesterday')
      .set('authorization', as(IT_OFFICE));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query.from');
  });

  it("records the policy's denials, naming the user and the permission", async () => {
    backend = await startAuditBackend();
    await api()
      .get('/api/audit/events')
      .set('authorization', as('sunlei'))
      .expect(403);
    const denials = await events(backend, {
      plugin: 'permission',
      action: 'policy-decision',
      actor: 'user:default/sunlei',
    });
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({
      outcome: 'failed',
      target: 'audit.event.read',
      meta: { permission: 'audit.event.read', result: 'DENY' },
    });
  });

  it('exports the filtered events to Excel, and the export is itself on the trail', async () => {
    backend = await startAuditBackend({ features: [probeFamily] });
    for (const ticket of ['INC-2026-00001', 'INC-2026-00002']) {
      await api()
        .post('/api/probe/things')
        .set('authorization', as(DESK))
        .send({ ticket })
        .expect(201);
    }
    await backend.drained();
    const res = await api()
      .get('/api/audit/events.xlsx?plugin=probe')
      .set('authorization', as(IT_OFFICE))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe(`user:default/${DESK}`);
    expect(sheet.getRow(2).getCell(6).value).toBe('INC-2026-00002');
    // Beijing time in the sheet.
    expect(sheet.getRow(2).getCell(2).value).toBe('2026-03-03 10:00:00');
    const exports = await events(backend, { action: 'audit-export' });
    expect(exports).toHaveLength(1);
    expect(exports[0].actor).toBe(`user:default/${IT_OFFICE}`);
  });

  it('verifies on demand, names the first altered row and tells the IT office', async () => {
    const knex = await databases.init('SQLITE_3');
    backend = await startAuditBackend({ knex, features: [probeFamily] });
    for (const ticket of [
      'INC-2026-00001',
      'INC-2026-00002',
      'INC-2026-00003',
    ]) {
      await api()
        .post('/api/probe/things')
        .set('authorization', as(DESK))
        .send({ ticket })
        .expect(201);
    }
    await backend.drained();
    const ok = await api()
      .post('/api/audit/verification')
      .set('authorization', as(IT_OFFICE));
    expect(ok.status).toBe(200);
    expect(ok.body.verdict).toMatchObject({ ok: true });
    expect(backend.notifications).toEqual([]);

    const [second] = await knex('audit_events')
      .where({ target: 'INC-2026-00002' })
      .pluck('seq');
    await knex('audit_events')
      .where({ seq: second })
      .update({ actor: 'user:default/someone-else' });
    const bad = await api()
      .post('/api/audit/verification')
      .set('authorization', as(IT_OFFICE));
    expect(bad.body.verdict).toMatchObject({
      ok: false,
      firstBadSeq: Number(second),
    });
    expect(backend.notifications).toHaveLength(1);
    expect(backend.notifications[0]).toMatchObject({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/court-it-office'],
      },
      payload: { severity: 'critical', link: '/audit' },
    });
    const last = await api()
      .get('/api/audit/verification')
      .set('authorization', as(IT_OFFICE));
    expect(last.body.verdict).toMatchObject({ ok: false });
    await api()
      .post('/api/audit/verification')
      .set('authorization', as('sunlei'))
      .expect(403);
  });

  it('checks the chain daily at the configured hour on the court clock, and prunes past retention', async () => {
    const knex = await databases.init('SQLITE_3');
    backend = await startAuditBackend({
      knex,
      at: '2026-03-03T10:00:00+08:00',
      config: { audit: { retentionDays: 30, dailyCheckAt: '02:30' } },
      features: [probeFamily],
    });
    await api()
      .post('/api/probe/things')
      .set('authorization', as(DESK))
      .send({ ticket: 'INC-2026-00001' })
      .expect(201);
    await backend.drained();
    await api()
      .get('/api/audit/verification')
      .set('authorization', as(IT_OFFICE))
      .expect(204);

    // 02:29 the next day: not yet; 02:30: checked.
    await backend.clock.set('2026-03-04T02:29:00+08:00');
    expect(await knex('audit_verifications').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
    await backend.clock.set('2026-03-04T02:30:00+08:00');
    const first = await api()
      .get('/api/audit/verification')
      .set('authorization', as(IT_OFFICE));
    expect(first.body).toMatchObject({
      checkedAt: '2026-03-03T18:30:00.000Z',
      verdict: { ok: true },
    });

    // 31 days on, the row of 3 March is past retention: pruned behind a checkpoint.
    await backend.clock.set('2026-04-04T02:30:00+08:00');
    await backend.drained();
    const kinds = await knex('audit_events').orderBy('seq').pluck('kind');
    expect(kinds).toContain('checkpoint');
    expect(
      await knex('audit_events').where({ target: 'INC-2026-00001' }),
    ).toEqual([]);
    const verified = await api()
      .post('/api/audit/verification')
      .set('authorization', as(IT_OFFICE));
    expect(verified.body.verdict).toMatchObject({ ok: true });

    // A row altered: the next daily check tells the IT office.
    const [any] = await knex('audit_events')
      .orderBy('seq', 'desc')
      .pluck('seq');
    await knex('audit_events').where({ seq: any }).update({ ip: '6.6.6.6' });
    await backend.clock.set('2026-04-05T02:30:00+08:00');
    expect(backend.notifications).toHaveLength(1);
  });
});
