import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import {
  defaultDutyConfig,
  shiftInstants,
  ShiftKind,
} from '@internal/plugin-duty-common';
import { DutyStore } from './DutyStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const config = defaultDutyConfig();
const AT = '2026-01-20T02:00:00.000Z';
const LINA = 'user:default/lina';
const WANG = 'user:default/wangqiang';

function shift(
  id: string,
  date: string,
  kind: ShiftKind,
  engineer: string | null,
) {
  return {
    id,
    month: date.slice(0, 7),
    date,
    kind,
    ...(kind === 'on-site' ? { post: 'desk' } : {}),
    engineer,
    ...shiftInstants(config, date, kind),
  };
}

describe.each(databases.eachSupportedId())(
  'the duty store on %s',
  databaseId => {
    let store: DutyStore;

    beforeEach(async () => {
      store = await DutyStore.fromKnex(
        await databases.init(databaseId as TestDatabaseId),
      );
      await store.transaction(tx =>
        tx.saveGenerated(
          '2026-02',
          [
            shift('d1', '2026-02-16', 'on-site', LINA),
            shift('p1', '2026-02-16', 'phone', WANG),
            shift('p0', '2026-02-15', 'phone', LINA),
          ],
          'user:default/sunlei',
          AT,
          false,
        ),
      );
    });

    it('keeps the first of two edits made from the same version and refuses the second', async () => {
      const results = await Promise.allSettled([
        store.transaction(async tx => {
          await tx.lockMonth('2026-02');
          return tx.setEngineer('d1', WANG, 1);
        }),
        store.transaction(async tx => {
          await tx.lockMonth('2026-02');
          return tx.setEngineer('d1', null, 1);
        }),
      ]);
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find(
        r => r.status === 'rejected',
      ) as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ConflictError);
      const kept = (
        results.find(r => r.status === 'fulfilled') as PromiseFulfilledResult<{
          engineer: string | null;
        }>
      ).value;
      expect(await store.shift('d1')).toMatchObject({
        engineer: kept.engineer,
        version: 2,
      });
      // Each change bumped the roster's version once; the refused one was rolled back.
      expect((await store.roster('2026-02'))?.version).toBe(2);
    });

    it('replaces a draft only when asked, and never a published roster', async () => {
      await expect(
        store.transaction(tx =>
          tx.saveGenerated('2026-02', [], 'x', AT, false),
        ),
      ).rejects.toThrow(ConflictError);
      await store.transaction(tx =>
        tx.saveGenerated(
          '2026-02',
          [shift('d2', '2026-02-17', 'on-site', LINA)],
          'x',
          AT,
          true,
        ),
      );
      expect((await store.shiftsOfMonth('2026-02')).map(s => s.id)).toEqual([
        'd2',
      ]);
      await store.publish('2026-02', 'user:default/sunlei', AT);
      await expect(
        store.transaction(tx => tx.saveGenerated('2026-02', [], 'x', AT, true)),
      ).rejects.toThrow(/published/);
      expect((await store.shiftsOfMonth('2026-02')).map(s => s.id)).toEqual([
        'd2',
      ]);
    });

    it('finds the shifts running at an instant, across midnight', async () => {
      const at = (iso: string) =>
        store.runningDuring(
          iso,
          new Date(Date.parse(iso) + 1).toISOString(),
          new Date(Date.parse(iso) - 86_400_000).toISOString(),
        );
      expect((await at('2026-02-16T13:00:00.000Z')).map(s => s.id)).toEqual([
        'p1',
      ]); // 21:00
      expect((await at('2026-02-15T19:00:00.000Z')).map(s => s.id)).toEqual([
        'p0',
      ]); // 03:00 on the 16th
      expect((await at('2026-02-16T02:00:00.000Z')).map(s => s.id)).toEqual([
        'd1',
      ]); // 10:00
      // 18:30: the day shift has ended as the phone shift starts.
      expect((await at('2026-02-16T10:30:00.000Z')).map(s => s.id)).toEqual([
        'p1',
      ]);
      // A minute across 18:30 has both.
      const minute = await store.runningDuring(
        '2026-02-16T10:29:30.000Z',
        '2026-02-16T10:30:30.000Z',
        '2026-02-15T10:29:30.000Z',
      );
      expect(minute.map(s => s.id).sort()).toEqual(['d1', 'p1']);
    });

    it('counts one check-in per shift, however many arrive at once', async () => {
      const attempts = await Promise.allSettled(
        [1, 2, 3].map(() =>
          store.checkIn({
            shiftId: 'd1',
            engineer: LINA,
            checkedInAt: '2026-02-15T23:31:00.000Z',
            method: 'button',
          }),
        ),
      );
      expect(attempts.filter(a => a.status === 'fulfilled')).toHaveLength(1);
      expect((await store.attendance(['d1'])).get('d1')).toMatchObject({
        method: 'button',
      });
      await store.checkOut('d1', '2026-02-16T10:31:00.000Z');
      await expect(
        store.checkOut('d1', '2026-02-16T10:32:00.000Z'),
      ).rejects.toThrow(ConflictError);
    });

    it('keeps one feed token per engineer: a new one replaces the old', async () => {
      await store.setFeed(LINA, 'a'.repeat(64), AT);
      await store.setFeed(LINA, 'b'.repeat(64), AT);
      expect(await store.feedEngineer('a'.repeat(64))).toBeUndefined();
      expect(await store.feedEngineer('b'.repeat(64))).toBe(LINA);
      expect(await store.deleteFeed(LINA)).toBe(true);
      expect(await store.feedEngineer('b'.repeat(64))).toBeUndefined();
    });

    it('refuses a leave decision made on a stale version', async () => {
      const leave = await store.insertLeave({
        id: '00000000-0000-4000-8000-000000000001',
        engineer: LINA,
        from: '2026-02-16',
        to: '2026-02-17',
        reason: '探亲',
        requestedAt: AT,
      });
      const decision = { approved: true, by: 'user:default/wuxia', at: AT };
      await store.decideLeave(leave, 'court', decision, 'requested');
      await expect(
        store.decideLeave(
          leave,
          'contractor',
          { ...decision, by: 'user:default/sunlei' },
          'approved',
        ),
      ).rejects.toThrow(ConflictError);
      expect(await store.leave(leave.id)).toMatchObject({
        status: 'requested',
        court: { approved: true },
        version: 2,
      });
      expect(
        await store.listLeave({
          overlapping: { from: '2026-02-17', to: '2026-02-20' },
        }),
      ).toHaveLength(1);
      expect(
        await store.listLeave({
          overlapping: { from: '2026-02-18', to: '2026-02-20' },
        }),
      ).toHaveLength(0);
    });
  },
);
