import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  AC,
  at,
  PC,
  RECORDER,
  services,
  SWITCH,
  UPS,
  UPS_2,
} from '../__testUtils__/fixtures';
import { inspectionStoresFromKnex } from './InspectionStores';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const manager = mockCredentials.user('user:default/sunlei');

/** Marks checks as done (passed or failed) straight in the table, for a hand-built month. */
async function finish(
  knex: Knex,
  device: string,
  dates: string[],
  status: 'passed' | 'failed',
) {
  await knex('inspection_checks')
    .where({ device_ref: device })
    .whereIn('due_date', dates)
    .update({
      status,
      completed_at: '2026-03-02T02:00:00.000Z',
      completed_by: 'user:default/wangqiang',
    });
}

describe.each(databases.eachSupportedId())(
  'inspections store on %s',
  databaseId => {
    const init = () => databases.init(databaseId as TestDatabaseId);

    it('reports coverage of a hand-built fortnight per system and device class, with the overdue list', async () => {
      const knex = await init();
      // As of Wednesday 2026-03-11; plans run since Monday 03-02.
      const { generator, service } = await services({
        knex,
        clock: at('2026-03-11'),
      });
      await generator.generate('2026-03-02', '2026-03-11');
      const week1 = [
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-05',
        '2026-03-06',
      ];
      const week2 = ['2026-03-09', '2026-03-10', '2026-03-11'];
      await finish(knex, UPS, [...week1, ...week2], 'passed');
      await finish(knex, UPS, ['2026-03-04'], 'failed');
      await finish(knex, UPS_2, week1, 'passed'); // 03-09 and 03-10 missed: overdue; 03-11 still today
      await finish(knex, AC, [...week1, ...week2], 'passed');
      await finish(knex, SWITCH, week1.slice(0, 4), 'passed'); // 03-06 missed
      await finish(knex, SWITCH, week2, 'passed');
      await finish(knex, RECORDER, ['2026-03-02'], 'passed'); // the week of 03-09 not yet done, due by Sunday
      // pc-01's monthly check (03-02) due by 03-31: pending, not overdue.

      const report = await service.coverage(
        { from: '2026-03-02', to: '2026-03-11' },
        manager,
      );
      expect(report.asOf).toBe('2026-03-11');
      expect(report.totals).toEqual({
        devices: 7,
        inspected: 2, // ups-01 (with one failure) and precision-ac-01
        overdue: 3, // ups-02, core-switch-01, case-management (never done)
        pending: 2, // the recorder's second week, the PC's month
        failed: 1,
        checksDue: 8 * 4 + 2 + 1 + 8,
        checksDone: 8 + 5 + 8 + 7 + 1,
        checksFailed: 1,
        checksOverdue: 2 + 1 + 7,
        coverage: 2 / 7,
      });
      const bySystem = Object.fromEntries(
        report.bySystem.map(r => [
          r.key,
          [r.devices, r.inspected, r.overdue, r.failed],
        ]),
      );
      expect(bySystem).toEqual({
        'system:default/courtroom-trial': [1, 0, 0, 0],
        'system:default/machine-rooms': [3, 2, 1, 1],
        'system:default/network': [1, 0, 1, 0],
        'system:default/office-automation': [2, 0, 1, 0],
      });
      expect(report.byClass.map(r => [r.key, r.devices, r.inspected])).toEqual([
        ['application', 1, 0],
        ['core-switch', 1, 0],
        ['courtroom-recorder', 1, 0],
        ['pc', 1, 0],
        ['precision-ac', 1, 1],
        ['ups', 2, 1],
      ]);
      expect(
        report.overdue
          .filter(o => o.deviceRef !== 'component:default/case-management')
          .map(o => [o.deviceRef, o.dueDate]),
      ).toEqual([
        [SWITCH, '2026-03-06'],
        [UPS_2, '2026-03-09'],
        [UPS_2, '2026-03-10'],
      ]);
      expect(report.devices.find(d => d.deviceRef === PC)?.state).toBe(
        'pending',
      );

      // One system only.
      const machineRooms = await service.coverage(
        {
          from: '2026-03-02',
          to: '2026-03-11',
          system: 'system:default/machine-rooms',
        },
        manager,
      );
      expect(machineRooms.totals.devices).toBe(3);
    });

    it('adds up the month of virus answers from the PC checks (INSP-3)', async () => {
      const knex = await init();
      const { generator, service } = await services({
        knex,
        clock: at('2026-03-11'),
      });
      await generator.generate('2026-03-02', '2026-03-02');
      const [pcCheck] = await knex('inspection_checks').where({
        device_ref: PC,
      });
      const engineer = mockCredentials.user('user:default/liuyang');
      await service.saveResult(
        pcCheck.id,
        'virus-count',
        {
          value: { kind: 'reading', value: 3 },
          idempotencyKey: 'virus-count-1',
        },
        engineer,
      );
      await service.saveResult(
        pcCheck.id,
        'virus-handling',
        {
          value: { kind: 'choice', value: 'cleaned' },
          idempotencyKey: 'virus-handling-1',
        },
        engineer,
      );
      const march = { from: '2026-03-01', to: '2026-03-31' };
      expect(await service.virusSummary(march, manager)).toEqual({
        ...march,
        checks: 1,
        pcs: 1,
        infectedChecks: 1,
        infectedPcs: 1,
        virusesFound: 3,
        handling: { cleaned: 1 },
      });
      const april = { from: '2026-04-01', to: '2026-04-30' };
      expect((await service.virusSummary(april, manager)).checks).toBe(0);
      // The coverage view's "this year" adds up every month so far, not January's.
      const year = { from: '2026-01-01', to: '2026-12-31' };
      expect((await service.virusSummary(year, manager)).virusesFound).toBe(3);
    });

    it('keeps a template version per content: unchanged adds none, changed adds one, concurrent loads agree', async () => {
      const knex = await init();
      const stores = await inspectionStoresFromKnex(knex);
      const template = {
        id: 'probe',
        title: '探针',
        titleEn: 'Probe',
        profiles: ['probe'],
        items: [
          {
            id: 'ok',
            kind: 'pass-fail' as const,
            label: '正常',
            labelEn: 'OK',
          },
        ],
      };
      const versions = await Promise.all(
        Array.from({ length: 4 }, () =>
          stores.templates.saveTemplate(
            template,
            'hash-a',
            '2026-03-02T00:00:00.000Z',
          ),
        ),
      );
      expect(versions).toEqual([1, 1, 1, 1]);
      expect(
        await stores.templates.saveTemplate(
          { ...template, title: '探针 v2' },
          'hash-b',
          '2026-03-03T00:00:00.000Z',
        ),
      ).toBe(2);
      expect(
        await stores.templates.saveTemplate(
          template,
          'hash-a',
          '2026-03-04T00:00:00.000Z',
        ),
      ).toBe(1);
      const [v1, v2] = await stores.templates
        .templateVersions([
          { id: 'probe', version: 1 },
          { id: 'probe', version: 2 },
        ])
        .then(ts => ts.sort((a, b) => a.version - b.version));
      expect([v1.title, v2.title]).toEqual(['探针', '探针 v2']);
    });

    it('keeps the first scan of a device on its open check as on-site evidence', async () => {
      const knex = await init();
      // Tuesday: the UPS's daily check is due, the PC's monthly one was yesterday.
      const { generator, service, stores } = await services({
        knex,
        clock: at('2026-03-03'),
      });
      await generator.generate('2026-03-03', '2026-03-03');
      const engineer = mockCredentials.user('user:default/wangqiang');
      const first = await service.scan({ device: UPS }, engineer);
      const again = await service.scan(
        { device: UPS, roundId: first.roundId },
        engineer,
      );
      expect(again.checkId).toBe(first.checkId);
      const check = await stores.rounds.check(first.checkId!);
      expect(check?.scannedAt).toBe(first.scannedAt);
      const scans = await knex('inspection_scans').where({ device_ref: UPS });
      expect(scans).toHaveLength(2);
      // A device with nothing due today is still recorded, without a check.
      expect(await service.scan({ device: PC }, engineer)).toMatchObject({
        checkId: undefined,
      });
    });

    it('records a scan after the check is answered on that check, naming the device by its title', async () => {
      const knex = await init();
      const { generator, service, stores } = await services({
        knex,
        clock: at('2026-03-03'),
      });
      await generator.generate('2026-03-03', '2026-03-03');
      await finish(knex, UPS, ['2026-03-03'], 'passed');
      const engineer = mockCredentials.user('user:default/wangqiang');
      const scan = await service.scan({ device: UPS }, engineer);
      const check = await stores.rounds.check(scan.checkId!);
      expect(check).toMatchObject({
        deviceRef: UPS,
        dueDate: '2026-03-03',
        status: 'passed',
        scannedAt: scan.scannedAt,
      });
      expect(scan.roundId).toBe(check?.roundId);
      expect(scan.deviceTitle).toBe('UPS 1号');
      const [row] = await knex('inspection_scans').where({ device_ref: UPS });
      expect(row.check_id).toBe(scan.checkId);
    });

    it('saves an answer once per idempotency key, whatever the number of concurrent retries', async () => {
      const knex = await init();
      const { stores } = await services({ knex, clock: at('2026-03-02') });
      const roundId = randomUUID();
      const checkId = randomUUID();
      await stores.rounds.insertAdHocRound(
        {
          id: roundId,
          date: '2026-03-02',
          kind: 'ad-hoc',
          routeKey: 'B',
          createdAt: '2026-03-02T01:00:00.000Z',
          createdBy: 'user:default/wangqiang',
        },
        [
          {
            id: checkId,
            roundId,
            deviceRef: UPS,
            deviceTitle: 'UPS 1号',
            deviceClass: 'ups',
            location: 'B-5F-UPS',
            routeOrder: 'B',
            templateId: 'ups',
            templateVersion: 1,
            dueDate: '2026-03-02',
            dueBy: '2026-03-02',
          },
        ],
      );
      const save = () =>
        stores.rounds.saveResult(
          {
            checkId,
            itemId: 'battery-charge',
            value: { kind: 'reading', value: 95 },
            verdict: 'pass',
            idempotencyKey: 'same-key-1',
            recordedBy: 'user:default/wangqiang',
            recordedAt: '2026-03-02T01:10:00.000Z',
          },
          ['battery-charge'],
        );
      const saved = await Promise.all(Array.from({ length: 8 }, save));
      expect(saved.every(s => s.check.status === 'passed')).toBe(true);
      expect(
        await knex('inspection_results').where({ check_id: checkId }),
      ).toHaveLength(1);
      expect((await save()).replayed).toBe(true);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'inspections migrations on %s',
  databaseId => {
    it('go up and down cleanly', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const directory = resolvePackagePath(
        '@internal/plugin-inspections-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('inspection_results')).toBe(true);
      await knex('inspection_generation').insert({
        id: 'scheduled',
        generated_through: '2026-03-02',
        updated_at: '2026-03-02T00:00:00.000Z',
      });
      await knex.migrate.rollback({ directory }, true);
      for (const table of [
        'inspection_templates',
        'inspection_plans',
        'inspection_rounds',
        'inspection_checks',
        'inspection_results',
        'inspection_scans',
        'inspection_generation',
        'inspection_uncovered_year_alerts',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.migrate.latest({ directory });
      expect(await knex('inspection_generation')).toEqual([]);
    });
  },
);
