import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  LiveSlaEngine,
  OfficialCalendarService,
} from '@internal/plugin-calendar-node';
import { EnteredSchedules } from '@internal/plugin-calendar-common';
import { defaultSlaConfig } from '@internal/plugin-sla-common';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { PC, plans, services, UPS } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** The State Council's 2027 New Year break, as entered on the calendar page (example data). */
const y2027 = {
  year: 2027,
  holidays: ['2027-01-01..2027-01-03'],
  makeUpWorkingDays: [],
};

async function occurrenceKeys(knex: Knex) {
  const rows = await knex('inspection_checks')
    .whereNotNull('occurrence_key')
    .select('occurrence_key');
  return rows.map(r => r.occurrence_key as string).sort();
}

/**
 * Issue 22: the chinese-days data ends with 2026 and "today" is in December
 * 2026; nothing is dropped silently, and entering 2027 in the portal takes
 * effect without a restart.
 */
describe.each(databases.eachSupportedId())(
  'an uncovered year on %s',
  databaseId => {
    let entered: EnteredSchedules;
    const clock = new ManualCourtClock('2026-12-01T09:00:00+08:00');
    const calendar: OfficialCalendarService = {
      enteredSchedules: async () => entered,
    };

    beforeEach(() => {
      entered = { revision: 0, schedules: [] };
    });

    it('says a date is unknown until the 2027 schedule is loaded, then shows it', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const live = new LiveSlaEngine(defaultSlaConfig, calendar);
      await live.refresh();
      await clock.set('2026-12-05T09:00:00+08:00'); // Saturday
      const { service } = await services({
        knex,
        clock,
        engine: () => live.current,
        plans: [
          ...plans,
          {
            id: 'preventive-quarterly',
            title: '动力环境季度维护',
            devices: { classes: ['ups'] },
            frequency: 'quarterly',
            team: 'group:default/hardware-post',
          },
        ],
      });
      const user = mockCredentials.user();

      const pcBefore = await service.entity(PC, user);
      expect(pcBefore.nextDue).toEqual([
        {
          planId: 'pc-monthly',
          planTitle: '办公终端月巡检',
          unknownUntil: 2027,
        },
      ]);
      // A date still in 2026 is found, not lost to the year after it; the unknown one comes last.
      expect((await service.entity(UPS, user)).nextDue).toEqual([
        expect.objectContaining({
          planId: 'machine-room-daily',
          date: '2026-12-07',
        }),
        expect.objectContaining({
          planId: 'preventive-quarterly',
          unknownUntil: 2027,
        }),
      ]);

      entered = { revision: 1, schedules: [y2027] };
      await live.refresh();
      expect((await service.entity(PC, user)).nextDue).toEqual([
        {
          planId: 'pc-monthly',
          planTitle: '办公终端月巡检',
          date: '2027-01-04',
          dueBy: '2027-01-31',
        },
      ]);
    });

    it('holds back rounds on uncovered days, notifies the ops managers once, and catches the rounds up exactly once after 2027 is entered', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const live = new LiveSlaEngine(defaultSlaConfig, calendar);
      await live.refresh();
      await clock.set('2026-12-31T09:00:00+08:00');
      const logger = mockServices.logger.mock();
      const notifications: NotificationSendOptions[] = [];
      const replicaA = await services({
        knex,
        clock,
        engine: () => live.current,
        logger,
        notifications,
      });
      const replicaB = await services({
        knex,
        clock,
        engine: () => live.current,
        notifications,
      });
      await replicaA.generator.catchUp('2026-12-31');
      const before = await occurrenceKeys(knex);

      await clock.set('2027-01-05T09:00:00+08:00');
      // Both replicas meet the missing year at the same moment.
      const [held] = await Promise.all([
        replicaA.generator.catchUp('2027-01-05'),
        replicaB.generator.catchUp('2027-01-05'),
      ]);
      expect(held.failedPlans).toHaveLength(4);
      expect(await occurrenceKeys(knex)).toEqual(before);
      expect(await replicaA.stores.rounds.generatedThrough()).toBe(
        '2026-12-31',
      );
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('no official holiday schedule for 2027'),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'inspection rounds from 2027-01-01 wait for the 2027 official schedule',
        ),
      );
      // And again at their next runs: the year is notified once in all.
      await Promise.all([
        replicaA.generator.catchUp('2027-01-05'),
        replicaB.generator.catchUp('2027-01-05'),
      ]);
      expect(notifications).toHaveLength(1);
      expect(notifications[0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/ops-managers'],
        },
        payload: {
          title: expect.stringContaining('2027'),
          link: '/calendar',
          scope: 'inspections:uncovered-year:2027',
        },
      });
      expect(notifications[0].payload.description).toContain(
        'machine-room-daily',
      );

      entered = { revision: 1, schedules: [y2027] };
      await live.refresh();
      const runs = await Promise.all([
        replicaA.generator.catchUp('2027-01-05'),
        replicaB.generator.catchUp('2027-01-05'),
      ]);
      expect(runs.every(run => run.failedPlans.length === 0)).toBe(true);
      const after = await occurrenceKeys(knex);
      const added = after.filter(key => !before.includes(key));
      // Each key once (the database would refuse a second), none on the 2027 New Year break.
      expect(new Set(added).size).toBe(added.length);
      expect(added.filter(key => key.endsWith('|2027-01-04'))).not.toHaveLength(
        0,
      );
      expect(added.filter(key => key.endsWith('|2027-01-05'))).not.toHaveLength(
        0,
      );
      expect(added.filter(key => /\|2027-01-0[123]$/.test(key))).toHaveLength(
        0,
      );
      expect(runs.reduce((n, run) => n + run.checksCreated, 0)).toBe(
        added.length,
      );
      expect(added).toContain(`pc-monthly|${PC}|2027-01-04`);
      expect(added).toContain(`machine-room-daily|${UPS}|2027-01-05`);
      expect(await replicaA.stores.rounds.generatedThrough()).toBe(
        '2027-01-05',
      );

      const again = await replicaB.generator.catchUp('2027-01-05');
      expect(again.checksCreated).toBe(0);
      expect(notifications).toHaveLength(1);
    });
  },
);
