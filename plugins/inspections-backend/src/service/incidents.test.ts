import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ResultValue } from '@internal/plugin-inspections-common';
import { at, fakeDesk, services, UPS } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const engineer = mockCredentials.user('user:default/wangqiang');

describe.each(databases.eachSupportedId())(
  'incidents from failed checks on %s',
  databaseId => {
    async function upsCheck(desk = fakeDesk()) {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { service, generator, stores } = await services({
        knex,
        clock: at('2026-03-02'),
        desk,
      });
      await generator.generate('2026-03-02', '2026-03-02');
      const [check] = await knex('inspection_checks').where({
        device_ref: UPS,
      });
      return {
        knex,
        service,
        stores,
        desk,
        checkId: check.id as string,
        roundId: check.round_id as string,
      };
    }
    const lowBattery = (key: string) => ({
      value: { kind: 'reading' as const, value: 35 },
      idempotencyKey: key,
      remark: '电池组 2 电压偏低',
    });

    it('opens exactly one incident for a low battery, also when the save is retried', async () => {
      const { service, desk, checkId, roundId, knex } = await upsCheck();
      const first = await service.saveResult(
        checkId,
        'battery-charge',
        lowBattery('save-battery-1'),
        engineer,
      );
      expect(first.result).toMatchObject({
        verdict: 'out-of-limits',
        incident: { number: 'INC-2026-00001' },
        incidentPending: false,
      });
      // The phone lost the answer and sends the same save again, twice at once.
      const retries = await Promise.all([
        service.saveResult(
          checkId,
          'battery-charge',
          lowBattery('save-battery-1'),
          engineer,
        ),
        service.saveResult(
          checkId,
          'battery-charge',
          lowBattery('save-battery-1'),
          engineer,
        ),
      ]);
      expect(retries.map(r => [r.replayed, r.result.incident?.number])).toEqual(
        [
          [true, 'INC-2026-00001'],
          [true, 'INC-2026-00001'],
        ],
      );
      expect(desk.calls).toHaveLength(1);
      expect(desk.calls[0]).toMatchObject({
        type: 'incident',
        channel: 'inspection',
        urgency: 'high',
        impact: 'medium',
        entityRefs: [UPS],
        reporter: 'user:default/wangqiang',
        sourceRef: `inspections:${roundId}:${checkId}:battery-charge`,
      });
      expect(desk.calls[0].title).toBe('巡检异常：UPS 1号 电池电量');
      expect(desk.calls[0].description).toContain('35 %（限值 limits ≥ 90 %）');
      // A corrected answer does not open another incident, and keeps the first linked.
      const corrected = await service.saveResult(
        checkId,
        'battery-charge',
        {
          value: { kind: 'reading', value: 30 },
          idempotencyKey: 'save-battery-2',
        },
        engineer,
      );
      expect(corrected.result.incident).toEqual({ number: 'INC-2026-00001' });
      expect(desk.calls).toHaveLength(1);
      const rows = await knex('inspection_results').where({
        check_id: checkId,
      });
      expect(rows).toHaveLength(1);
    });

    it('files the incident once the desk is back when it was down at the save', async () => {
      const desk = fakeDesk();
      const { service, checkId } = await upsCheck(desk);
      desk.setDown(true);
      const saved = await service.saveResult(
        checkId,
        'operating-mode',
        {
          value: { kind: 'choice', value: 'bypass' },
          idempotencyKey: 'mode-key-1',
        },
        engineer,
      );
      expect(saved.result).toMatchObject({
        verdict: 'fail',
        incidentPending: true,
      });
      expect(saved.result.incident).toBeUndefined();

      desk.setDown(false);
      // The scheduled run files it; a retried save then finds it filed.
      expect(await service.fileUnfiled()).toBe(1);
      const retried = await service.saveResult(
        checkId,
        'operating-mode',
        {
          value: { kind: 'choice', value: 'bypass' },
          idempotencyKey: 'mode-key-1',
        },
        engineer,
      );
      expect(retried.result.incident).toEqual({ number: 'INC-2026-00001' });
      expect(await service.fileUnfiled()).toBe(0);
      expect(desk.tickets.size).toBe(1);
      expect(
        desk.calls.filter(c => c.sourceRef?.endsWith(':operating-mode')),
      ).toHaveLength(2); // the failed try and the filing
    });

    it('opens nothing for a passing answer and closes the check when every required item is answered', async () => {
      const { service, desk, checkId, stores } = await upsCheck();
      const answers: [string, ResultValue][] = [
        ['operating-mode', { kind: 'choice', value: 'online' }],
        ['battery-charge', { kind: 'reading', value: 98 }],
        ['load', { kind: 'reading', value: 41 }],
        ['output-voltage', { kind: 'reading', value: 220 }],
        ['battery-temperature', { kind: 'reading', value: 23 }],
        ['batteries-intact', { kind: 'pass-fail', passed: true }],
      ];
      for (const [item, value] of answers) {
        const saved = await service.saveResult(
          checkId,
          item,
          { value, idempotencyKey: `key-${item}` },
          engineer,
        );
        expect(saved.check.status).toBe('pending');
      }
      const last = await service.saveResult(
        checkId,
        'no-alarms',
        {
          value: { kind: 'pass-fail', passed: true },
          idempotencyKey: 'key-no-alarms',
        },
        engineer,
      );
      expect(last.check.status).toBe('passed');
      expect((await stores.rounds.check(checkId))?.completedBy).toBe(
        'user:default/wangqiang',
      );
      expect(desk.calls).toEqual([]);
    });
  },
);
