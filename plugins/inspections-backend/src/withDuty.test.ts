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
import type { RoundSummary } from '@internal/plugin-inspections-common';
import { Knex } from 'knex';
import request from 'supertest';
import { as, startInspectionsBackend } from './__testUtils__/backend';

jest.setTimeout(180_000);

/** The example court's five resident engineers and the posts each may stand. */
const TEAM = [
  { ref: 'user:default/lina', posts: ['desk'] },
  { ref: 'user:default/zhangwei', posts: ['desk', 'hardware'] },
  { ref: 'user:default/wangqiang', posts: ['hardware'] },
  { ref: 'user:default/liuyang', posts: ['software'] },
  { ref: 'user:default/chenjing', posts: ['software'] },
];
const HARDWARE = 'group:default/hardware-post';
const SOFTWARE = 'group:default/software-post';
/** The teams' members in the test catalog (round robin hands rounds to them). */
const MEMBERS: Record<string, string[]> = {
  [HARDWARE]: ['user:default/wangqiang', 'user:default/zhangwei'],
  [SOFTWARE]: ['user:default/liuyang'],
};

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Each plugin its own database of the kind under test, as in production. */
function databasePerPlugin(knexOf: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      getClient: async () => {
        const knex = knexOf[plugin.getId()];
        if (!knex) throw new Error(`no test database for ${plugin.getId()}`);
        return knex;
      },
    }),
  });
}

/**
 * Scheduled inspection rounds go to the engineers the duty roster has on on-site duty that day for
 * the team's post (DUTY-1), with the real duty and inspections plugins; a month without a roster
 * goes round robin to the team as before.
 */
describe.each(databases.eachSupportedId())(
  'inspection rounds from the duty roster, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startInspectionsBackend>>;
    let clock: ManualCourtClock;
    const api = () => request(backend.server);

    beforeAll(async () => {
      const init = () => databases.init(databaseId as TestDatabaseId);
      clock = new ManualCourtClock('2026-03-03T09:00:00+08:00');
      backend = await startInspectionsBackend({
        clock,
        config: {
          duty: { engineers: TEAM },
          inspections: {
            dutyPosts: [
              { team: HARDWARE, post: 'hardware' },
              { team: SOFTWARE, post: 'software' },
            ],
          },
        },
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
    });
    afterAll(() => backend?.stop());

    const onSiteOn = (
      shifts: { date: string; kind: string; post?: string; engineer: string }[],
      date: string,
      post: string,
    ) =>
      new Set(
        shifts
          .filter(
            s => s.date === date && s.kind === 'on-site' && s.post === post,
          )
          .map(s => s.engineer),
      );

    const roundsToday = async (): Promise<RoundSummary[]> =>
      answered(
        await api()
          .get('/api/inspections/rounds')
          .set('Authorization', as('sunlei')),
        200,
      ).body.rounds;

    it("hands Tuesday's rounds to the engineers on on-site duty for each team's post", async () => {
      const roster = answered(
        await api()
          .post('/api/duty/rosters/2026-03/generate')
          .set('Authorization', as('sunlei'))
          .send({}),
        201,
      ).body;
      const day = '2026-03-03';
      // The desk covers hardware (shared post): with two at the desk the hardware post needs
      // nobody of its own, so its rounds go to the desk's engineers then.
      const hardwareOwn = onSiteOn(roster.shifts, day, 'hardware');
      const hardware =
        hardwareOwn.size > 0
          ? hardwareOwn
          : onSiteOn(roster.shifts, day, 'desk');
      const software = onSiteOn(roster.shifts, day, 'software');
      expect(hardware.size).toBeGreaterThan(0);
      expect(software.size).toBeGreaterThan(0);

      const rounds = (await roundsToday()).filter(r => r.kind === 'scheduled');
      const of = (team: string) => rounds.filter(r => r.team === team);
      expect(of(HARDWARE).length).toBeGreaterThan(0);
      expect(of(SOFTWARE).length).toBeGreaterThan(0);
      for (const round of of(HARDWARE))
        expect(hardware).toContain(round.assignee);
      for (const round of of(SOFTWARE))
        expect(software).toContain(round.assignee);
      // Round robin could only have named the teams' members: the roster named someone else.
      const assignees = rounds.map(r => r.assignee);
      expect(
        assignees.some(a => !Object.values(MEMBERS).flat().includes(a!)),
      ).toBe(true);
    });

    it('goes round robin to the team on a day of a month without a roster', async () => {
      await clock.set('2026-04-01T09:00:00+08:00');
      const rounds = (await roundsToday()).filter(r => r.kind === 'scheduled');
      expect(rounds.length).toBeGreaterThan(0);
      for (const round of rounds) {
        expect(MEMBERS[round.team!]).toContain(round.assignee);
      }
    });
  },
);
