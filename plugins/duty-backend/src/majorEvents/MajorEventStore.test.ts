import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { DutyStore } from '../database/DutyStore';
import { MajorEventFields, MajorEventStore } from './MajorEventStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const AT = '2026-03-02T02:00:00.000Z';
const SUNLEI = 'user:default/sunlei';
const fields: MajorEventFields = {
  title: '全省法院工作会议',
  kind: 'conference',
  startsAt: '2026-03-10T01:00:00.000Z',
  endsAt: '2026-03-10T04:00:00.000Z',
  place: 'A-1F-T09',
  scope: ['system:default/conference'],
  onSite: ['user:default/zhangwei'],
  standby: [],
  communicationPlan: '',
};

describe.each(databases.eachSupportedId())(
  'the major-event store on %s',
  databaseId => {
    let store: MajorEventStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      // The duty store runs the plugin's migrations, these plans' among them.
      await DutyStore.fromKnex(knex);
      store = new MajorEventStore(knex);
    });

    it('finds a plan running from its start up to, not at, its end', async () => {
      await store.insert('p1', fields, SUNLEI, AT);
      const running = async (at: string) =>
        (
          await store.runningDuring(
            at,
            new Date(Date.parse(at) + 1).toISOString(),
          )
        ).map(p => p.id);
      expect(await running('2026-03-10T00:59:59.999Z')).toEqual([]);
      expect(await running('2026-03-10T01:00:00.000Z')).toEqual(['p1']);
      expect(await running('2026-03-10T03:59:59.999Z')).toEqual(['p1']);
      expect(await running('2026-03-10T04:00:00.000Z')).toEqual([]);
      const during = async (from: string, to: string) =>
        (await store.runningDuring(from, to)).map(p => p.id);
      expect(
        await during('2026-03-10T00:59:30.000Z', '2026-03-10T01:00:00.000Z'),
      ).toEqual([]);
      expect(
        await during('2026-03-10T00:59:30.000Z', '2026-03-10T01:00:30.000Z'),
      ).toEqual(['p1']);
      expect(
        await during('2026-03-10T03:59:30.000Z', '2026-03-10T04:00:30.000Z'),
      ).toEqual(['p1']);
    });

    it('reads back what it stored, arrays and all', async () => {
      const stored = await store.insert('p1', fields, SUNLEI, AT);
      expect(stored).toEqual({
        id: 'p1',
        ...fields,
        createdBy: SUNLEI,
        createdAt: AT,
        updatedBy: SUNLEI,
        updatedAt: AT,
        revision: 1,
      });
      expect(await store.list('2026-03-10T04:00:00.000Z')).toHaveLength(1);
      expect(await store.list('2026-03-10T04:00:00.001Z')).toHaveLength(0);
    });

    it('keeps one of two concurrent changes from the same revision and refuses the other', async () => {
      await store.insert('p1', fields, SUNLEI, AT);
      const results = await Promise.allSettled([
        store.update('p1', { ...fields, title: 'A' }, 1, SUNLEI, AT),
        store.writeSummary('p1', '顺利', 1, 'user:default/wuxia', AT),
      ]);
      expect(results.map(r => r.status).sort()).toEqual([
        'fulfilled',
        'rejected',
      ]);
      const refused = results.find(
        r => r.status === 'rejected',
      ) as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ConflictError);
      expect((await store.get('p1'))?.revision).toBe(2);
      await expect(
        store.update('nope', fields, 1, SUNLEI, AT),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  },
);
