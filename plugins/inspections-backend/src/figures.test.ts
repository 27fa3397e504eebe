import { answered } from '@internal/plugin-court-node/testUtils';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import type { InspectionFigures } from '@internal/plugin-reports-common';
import request from 'supertest';
import {
  as,
  FakeDeskLog,
  startInspectionsBackend,
} from './__testUtils__/backend';
import { UPS } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

/**
 * Tuesday 3 March 2026: the day's scheduled rounds are made and none is walked; an engineer
 * runs an ad-hoc round in the office building and the UPS battery reads 35 % (out of limits),
 * which files one incident. Counted by hand for that day: every scheduled round planned, none
 * done; one failed item, one incident; no device inspected on schedule; no virus answer.
 */
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'GET /api/inspections/figures on %s',
  databaseId => {
    const desk: FakeDeskLog = { posts: [], tickets: new Map() };
    const clock = new ManualCourtClock('2026-03-03T09:00:00+08:00');
    let backend: Awaited<ReturnType<typeof startInspectionsBackend>>;
    let scheduled: number;

    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startInspectionsBackend({ desk, clock, knex });
      const today = await request(backend.server)
        .get('/api/inspections/rounds')
        .set('Authorization', as('wangqiang'));
      answered(today, 200);
      scheduled = today.body.rounds.filter(
        (r: { kind: string; checks: number }) =>
          r.kind === 'scheduled' && r.checks > 0,
      ).length;
      // The day has scheduled rounds, or the test would count nothing.
      if (scheduled === 0) throw new Error('no scheduled round on 2026-03-03');

      const started = await request(backend.server)
        .post('/api/inspections/rounds')
        .set('Authorization', as('wangqiang'))
        .send({ building: 'B' });
      answered(started, 201);
      const { body: round } = await request(backend.server)
        .get(`/api/inspections/rounds/${started.body.id}`)
        .set('Authorization', as('wangqiang'));
      const ups = round.checks.find(
        (c: { deviceRef: string }) => c.deviceRef === UPS,
      );
      const saved = await request(backend.server)
        .put(`/api/inspections/checks/${ups.id}/results/battery-charge`)
        .set('Authorization', as('wangqiang'))
        .send({
          value: { kind: 'reading', value: 35 },
          idempotencyKey: 'battery-1',
        });
      answered(saved, 200);
      // The next morning: the 3rd is over.
      await clock.set('2026-03-04T09:00:00+08:00');
    });
    afterAll(() => backend.stop());

    const figures = (user: string, query: Record<string, string>) =>
      request(backend.server)
        .get('/api/inspections/figures')
        .query(query)
        .set('Authorization', as(user));

    it("answers the day's hand-counted figures", async () => {
      const res = await figures('sunlei', {
        from: '2026-03-03',
        to: '2026-03-03',
      });
      expect(res.status).toBe(200);
      const body: InspectionFigures = res.body;
      expect(body).toMatchObject({
        roundsPlanned: scheduled,
        roundsDone: 0,
        failedItems: 1,
        incidentsOpened: 1,
        viruses: { checks: 0, pcs: 0, infectedPcs: 0, virusesFound: 0 },
      });
      expect(body.deviceCoverage.inspected).toBe(0);
      expect(body.deviceCoverage.devices).toBeGreaterThan(0);
      expect(body.deviceCoverage.percent).toBe(0);
    });

    it('narrows to the checks of one system', async () => {
      const machineRooms = await figures('wuxia', {
        from: '2026-03-03',
        to: '2026-03-03',
        system: 'system:default/machine-rooms',
      });
      expect(machineRooms.status).toBe(200);
      expect(machineRooms.body).toMatchObject({
        failedItems: 1,
        incidentsOpened: 1,
      });
      const network = await figures('lina', {
        from: '2026-03-03',
        to: '2026-03-03',
        system: 'system:default/network',
      });
      expect(network.status).toBe(200);
      expect(network.body).toMatchObject({
        failedItems: 0,
        incidentsOpened: 0,
      });
      const court = await figures('lina', {
        from: '2026-03-03',
        to: '2026-03-03',
      });
      expect(network.body.deviceCoverage.devices).toBeGreaterThan(0);
      expect(
        machineRooms.body.deviceCoverage.devices +
          network.body.deviceCoverage.devices,
      ).toBeLessThanOrEqual(court.body.deviceCoverage.devices);
    });

    it('counts an earlier day with nothing in it as zero', async () => {
      const res = await figures('sunlei', {
        from: '2026-03-02',
        to: '2026-03-02',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        roundsPlanned: 0,
        roundsDone: 0,
        failedItems: 0,
        incidentsOpened: 0,
        deviceCoverage: { devices: 0, inspected: 0 },
      });
    });

    it.each([
      [
        'a period that has not ended',
        { from: '2026-03-04', to: '2026-03-04' },
        'query.to',
      ],
      [
        'a period that ends before it starts',
        { from: '2026-03-03', to: '2026-03-01' },
        'query.to',
      ],
      [
        'a system not in the catalog',
        { from: '2026-03-03', to: '2026-03-03', system: 'system:default/nope' },
        'query.system',
      ],
      [
        'a device as the system',
        { from: '2026-03-03', to: '2026-03-03', system: UPS },
        'query.system',
      ],
    ])('answers %s with 400 naming the field', async (_what, query, field) => {
      const res = await figures('sunlei', query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`${field}:`);
    });

    it.each(['xuli', 'newcomer', 'wangqiang'])(
      'refuses %s with 403 before reading the query',
      async user => {
        expect((await figures(user, { from: 'x' })).status).toBe(403);
        expect(
          (await figures(user, { from: '2026-03-03', to: '2026-03-03' }))
            .status,
        ).toBe(403);
      },
    );
  },
);
