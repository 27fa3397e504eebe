import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { engineerApprovalOf } from '@internal/plugin-access-node';
import { datesBetween } from '@internal/plugin-inspections-common';
import { Knex } from 'knex';
import { at, inventory, services, UPS } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

async function occurrences(knex: Knex) {
  const rows = await knex('inspection_checks')
    .whereNotNull('occurrence_key')
    .select('occurrence_key');
  return rows.map(r => r.occurrence_key as string).sort();
}

async function roundDates(knex: Knex, device: string) {
  const rows = await knex('inspection_checks')
    .where({ device_ref: device })
    .orderBy('due_date')
    .select('due_date');
  return rows.map(r => r.due_date as string);
}

describe.each(databases.eachSupportedId())(
  'round generation on %s',
  databaseId => {
    const init = () => databases.init(databaseId as TestDatabaseId);

    it('follows the 2026 Spring Festival: rounds on the make-up Saturdays, none on holiday weekdays', async () => {
      const knex = await init();
      const { generator } = await services({ knex, clock: at('2026-03-02') });
      await generator.generate('2026-02-09', '2026-03-02');

      expect(await roundDates(knex, UPS)).toEqual([
        '2026-02-09',
        '2026-02-10',
        '2026-02-11',
        '2026-02-12',
        '2026-02-13',
        '2026-02-14', // make-up working Saturday
        '2026-02-24',
        '2026-02-25',
        '2026-02-26',
        '2026-02-27',
        '2026-02-28', // make-up working Saturday
        '2026-03-02',
      ]);
      const roundDays = (
        await knex('inspection_rounds').distinct('date').orderBy('date')
      ).map(r => r.date);
      for (const holidayWeekday of datesBetween('2026-02-16', '2026-02-20')) {
        expect(roundDays).not.toContain(holidayWeekday);
      }
      expect(roundDays).not.toContain('2026-02-23'); // Monday, still the break
      // The courtroom's weekly check: none in the week of the break.
      expect(
        await roundDates(knex, 'resource:default/courtroom-recorder-t01'),
      ).toEqual(['2026-02-09', '2026-02-24', '2026-03-02']);
    });

    it('groups a day into walking routes per building and team, handed out round robin', async () => {
      const knex = await init();
      const { generator, service } = await services({
        knex,
        clock: at('2026-03-02'),
      });
      await generator.generate('2026-03-02', '2026-03-02');
      const caller = mockCredentials.user('user:default/wangqiang');
      const { rounds, workingDay } = await service.rounds('2026-03-02', caller);
      expect(workingDay).toBe(true);
      expect(
        rounds.map(r => [
          r.team,
          r.routeKey,
          r.building?.name,
          r.checks,
          r.assignee,
        ]),
      ).toEqual([
        [
          'group:default/hardware-post',
          'A',
          '审判楼',
          2,
          'user:default/wangqiang',
        ],
        [
          'group:default/software-post',
          'APP',
          undefined,
          1,
          'user:default/liuyang',
        ],
        [
          'group:default/hardware-post',
          'B',
          '综合办公楼',
          3,
          'user:default/zhangwei',
        ],
        [
          'group:default/software-post',
          'B',
          '综合办公楼',
          1,
          'user:default/liuyang',
        ],
      ]);
      const detail = await service.round(
        rounds.find(
          r => r.routeKey === 'B' && r.team?.endsWith('hardware-post'),
        )!.id,
        caller,
      );
      // Walking order: floor 5, core machine room (MR) before the UPS room.
      expect(detail.checks.map(c => [c.location?.id, c.deviceRef])).toEqual([
        ['B-5F-MR', 'resource:default/core-switch-01'],
        ['B-5F-MR', 'resource:default/precision-ac-01'],
        ['B-5F-UPS', UPS],
      ]);
      expect(detail.templates.map(t => t.id).sort()).toEqual([
        'core-switch',
        'precision-ac',
        'ups',
      ]);
    });

    it('hands rounds only to engineers who may be assigned: a suspended one gets none', async () => {
      const knex = await init();
      const suspended = 'user:default/wangqiang';
      const { generator, service } = await services({
        knex,
        clock: at('2026-03-02'),
        approvals: engineerApprovalOf(async ref =>
          ref === suspended
            ? {
                assignable: false,
                reason: 'suspended',
                message: `${ref} is suspended`,
              }
            : { assignable: true },
        ),
      });
      await generator.generate('2026-03-02', '2026-03-02');
      const { rounds } = await service.rounds(
        '2026-03-02',
        mockCredentials.user('user:default/zhangwei'),
      );
      const hardware = rounds.filter(r => r.team?.endsWith('hardware-post'));
      // Both routes of the hardware post still go out, to the one member left.
      expect(hardware.map(r => [r.routeKey, r.assignee])).toEqual([
        ['A', 'user:default/zhangwei'],
        ['B', 'user:default/zhangwei'],
      ]);
    });

    it('catches up after a two-day outage with each missed round once', async () => {
      const knex = await init();
      const clock = at('2026-03-03', '08:00');
      const { generator } = await services({ knex, clock });
      await generator.catchUp('2026-03-03'); // Tuesday: first run, today only
      // Down on Wednesday 03-04 and Thursday 03-05; back on Friday.
      await clock.set('2026-03-06T10:00:00+08:00');
      const caughtUp = await generator.catchUp('2026-03-06');
      expect(caughtUp).toMatchObject({ from: '2026-03-04', to: '2026-03-06' });
      expect(await roundDates(knex, UPS)).toEqual([
        '2026-03-03',
        '2026-03-04',
        '2026-03-05',
        '2026-03-06',
      ]);

      // The same as a court whose generator never stopped.
      const reference = await init();
      const steady = await services({ knex: reference, clock });
      for (const day of datesBetween('2026-03-03', '2026-03-06')) {
        await steady.generator.catchUp(day);
      }
      expect(await occurrences(knex)).toEqual(await occurrences(reference));

      // Running again, or on two replicas at once, adds nothing.
      const again = await Promise.all([
        generator.catchUp('2026-03-06'),
        generator.generate('2026-03-03', '2026-03-06'),
      ]);
      expect(again.map(r => r.checksCreated)).toEqual([0, 0]);
      expect(await occurrences(knex)).toEqual(await occurrences(reference));
      const [{ count }] = await knex('inspection_rounds').count({ count: '*' });
      const perDay = await knex('inspection_rounds')
        .groupBy('date', 'team', 'route_key')
        .select('date')
        .count({ n: '*' });
      expect(perDay.every(r => Number(r.n) === 1)).toBe(true);
      expect(Number(count)).toBe(perDay.length);
    });

    it('adds a device that joined the catalog later to the day it is due', async () => {
      const knex = await init();
      const { generator } = await services({ knex, clock: at('2026-03-02') });
      const saved = inventory.entities;
      inventory.entities = saved.filter(e => e.ref !== UPS);
      try {
        await generator.catchUp('2026-03-02');
        expect(await roundDates(knex, UPS)).toEqual([]);
      } finally {
        inventory.entities = saved;
      }
      await generator.catchUp('2026-03-02');
      expect(await roundDates(knex, UPS)).toEqual(['2026-03-02']);
    });

    it('does not move past days it could not schedule (a year without an official holiday schedule)', async () => {
      const knex = await init();
      const { generator, stores } = await services({
        knex,
        clock: at('2027-01-04'),
      });
      await generator.catchUp('2026-12-31');
      const result = await generator.catchUp('2027-01-04');
      expect(result.failedPlans).toEqual([
        'application-daily',
        'courtroom-weekly',
        'machine-room-daily',
        'pc-monthly',
      ]);
      // Retried from 2027-01-01 once the State Council's 2027 schedule is configured.
      expect(await stores.rounds.generatedThrough()).toBe('2026-12-31');
    });
  },
);
