import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
// The real duty plugin beside inspections, as packages/backend wires them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dutyPlugin from '@internal/plugin-duty-backend';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { answered } from '@internal/plugin-court-node/testUtils';
import type { RoundDetail } from '@internal/plugin-inspections-common';
import { Knex } from 'knex';
import request from 'supertest';
import { as, startInspectionsBackend } from './__testUtils__/backend';
import { AC, MACHINE_ROOMS, UPS, UPS_2 } from './__testUtils__/fixtures';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Each plugin its own database of the kind under test, as in production. */
function databasePerPlugin(knexOf: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      getClient: async () => knexOf[plugin.getId()],
    }),
  });
}

/** A provincial conference in courtroom 1, Thursday 5 March 2026, 10:00–12:00, guarding the machine rooms. */
const conference = {
  title: '全省法院工作会议',
  kind: 'conference',
  startsAt: '2026-03-05T10:00:00+08:00',
  endsAt: '2026-03-05T12:00:00+08:00',
  place: 'A-3F-T01',
  scope: [MACHINE_ROOMS],
  onSite: ['user:default/zhangwei'],
  standby: ['user:default/liuyang'],
  communicationPlan: '现场指挥：孙磊',
};

/**
 * DUTY-3: the pre-event checklist is walked as an inspection round the working day before
 * (from 07:30) and an hour before the start, with the real duty and inspections plugins: duty's
 * waker starts each round in inspections, for the scope's devices, assigned to the on-site
 * engineer, and the plan answers its rounds.
 */
describe.each(databases.eachSupportedId())(
  'pre-event checklist rounds of a major event, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startInspectionsBackend>>;
    let clock: ManualCourtClock;
    let planId: string;
    const api = () => request(backend.server);

    beforeAll(async () => {
      const init = () => databases.init(databaseId as TestDatabaseId);
      clock = new ManualCourtClock('2026-03-03T09:00:00+08:00');
      backend = await startInspectionsBackend({
        clock,
        features: [
          dutyPlugin,
          databasePerPlugin({ duty: await init(), inspections: await init() }),
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({ send: async () => {} }),
          }),
        ],
      });
      planId = answered(
        await api()
          .post('/api/duty/major-events')
          .set('Authorization', as('sunlei'))
          .send(conference),
        201,
      ).body.id;
    });
    afterAll(() => backend?.stop());

    const plan = async () =>
      answered(
        await api()
          .get(`/api/duty/major-events/${planId}`)
          .set('Authorization', as('sunlei')),
        200,
      ).body;
    const round = async (id: string): Promise<RoundDetail> =>
      answered(
        await api()
          .get(`/api/inspections/rounds/${id}`)
          .set('Authorization', as('sunlei')),
        200,
      ).body;

    it('starts no round before the day before', async () => {
      await clock.set('2026-03-04T07:29:59+08:00');
      expect((await plan()).preEventRounds).toEqual([]);
    });

    it("walks the scope's devices the working day before, assigned to the on-site engineer", async () => {
      await clock.set('2026-03-04T07:30:00+08:00');
      const { preEventRounds } = await plan();
      expect(preEventRounds).toEqual([
        {
          check: 'day-before',
          startedAt: '2026-03-03T23:30:00.000Z',
          roundId: expect.any(String),
        },
      ]);
      const dayBefore = await round(preEventRounds[0].roundId);
      expect(dayBefore.round).toMatchObject({
        kind: 'ad-hoc',
        date: '2026-03-04',
        assignee: 'user:default/zhangwei',
      });
      expect(dayBefore.checks.map(c => c.deviceRef).sort()).toEqual(
        [AC, UPS, UPS_2].sort(),
      );
    });

    it('walks them again an hour before the start, once', async () => {
      await clock.set('2026-03-05T09:00:00+08:00');
      const { preEventRounds } = await plan();
      expect(preEventRounds.map((r: { check: string }) => r.check)).toEqual([
        'day-before',
        'hour-before',
      ]);
      const hourBefore = await round(preEventRounds[1].roundId);
      expect(hourBefore.round).toMatchObject({
        date: '2026-03-05',
        assignee: 'user:default/zhangwei',
      });
      expect(hourBefore.checks).toHaveLength(3);
      expect(hourBefore.round.id).not.toBe(preEventRounds[0].roundId);
    });
  },
);
