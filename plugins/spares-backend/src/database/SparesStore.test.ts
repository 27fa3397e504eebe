import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { foldStock, totalOf, stockAt } from '@internal/plugin-spares-common';
import { NewMovement, SparesStore } from './SparesStore';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const AT = '2026-12-06T02:00:00.000Z';
const ENGINEER = 'user:default/wangqiang';

const disk = {
  id: 'hdd-4tb',
  name: '4 TB 监控硬盘',
  deviceClasses: ['courtroom-recorder', 'nvr'],
  models: [],
  minimum: 2,
};

function move(
  request: NewMovement['request'],
  overrides: Partial<NewMovement> = {},
): NewMovement {
  return {
    partTypeId: disk.id,
    locationId: 'store-a',
    request,
    actor: ENGINEER,
    at: AT,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('spares store on %s', databaseId => {
  let store: SparesStore;

  beforeEach(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    store = await SparesStore.fromKnex(knex);
    await store.savePartType(disk, AT);
    await store.saveLocation({ id: 'store-a', name: '备件库 A' });
    await store.saveLocation({ id: 'store-b', name: '备件库 B' });
  });

  it('gives exactly 5 of 20 parallel issues of the last 5 parts, the rest 409, stock 0', async () => {
    await store.recordMovement(
      move(
        { kind: 'receipt', quantity: 5 },
        { supplier: '锐取', reference: 'PO-1' },
      ),
    );
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.recordMovement(
          move(
            { kind: 'issue', quantity: 1 },
            { ticket: `INC-2026-${String(i).padStart(5, '0')}` },
          ),
        ),
      ),
    );
    const taken = outcomes.filter(o => o.status === 'fulfilled');
    const refused = outcomes.filter(o => o.status === 'rejected');
    expect(taken).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    }
    const stock = await store.stockOf(disk.id);
    expect(stock).toMatchObject({
      total: 0,
      belowMinimum: true,
      byLocation: [],
    });
    const log = await store.movements({ partTypeId: disk.id, limit: 100 });
    expect(log.filter(m => m.kind === 'issue')).toHaveLength(5);
  });

  it('lands two first saves of the same part type at once, the second as version 2', async () => {
    const fuse = {
      id: 'fuse-5a',
      name: '5A 保险管',
      deviceClasses: ['ups'],
      models: [],
      minimum: 1,
    };
    const saved = await Promise.all([
      store.savePartType(fuse, AT),
      store.savePartType({ ...fuse, minimum: 3 }, AT),
    ]);
    expect(saved.map(p => p.id)).toEqual(['fuse-5a', 'fuse-5a']);
    expect((await store.getPartType('fuse-5a'))?.version).toBe(2);
  });

  it('settles counts racing receipts on new shelves: each recorded, stock their fold', async () => {
    const shelves = Array.from({ length: 8 }, (_, i) => `shelf-${i}`);
    for (const id of shelves) await store.saveLocation({ id, name: id });
    const outcomes = await Promise.allSettled(
      shelves.flatMap(locationId => [
        store.recordMovement(
          move({ kind: 'count', counted: 3 }, { locationId, reason: '盘点' }),
        ),
        store.recordMovement(
          move(
            { kind: 'receipt', quantity: 2 },
            { locationId, supplier: '锐取', reference: 'PO-9' },
          ),
        ),
      ]),
    );
    // A count may be refused with a 409 when the shelf kept changing; nothing fails otherwise.
    const refusals = outcomes.flatMap(o =>
      o.status === 'rejected' ? [o.reason] : [],
    );
    expect(refusals.filter(r => !(r instanceof ConflictError))).toEqual([]);
    const log = await store.movements({ partTypeId: disk.id, limit: 100 });
    expect(log).toHaveLength(
      outcomes.filter(o => o.status === 'fulfilled').length,
    );
    const folded = foldStock([...log].reverse());
    const stock = (await store.stockOf(disk.id))!;
    expect(stock.byLocation).toEqual(
      shelves.map(locationId => ({
        locationId,
        quantity: stockAt(folded, disk.id, locationId),
      })),
    );
  });

  it('keeps the stock rows equal to the fold of the recorded movements', async () => {
    await store.recordMovement(
      move({ kind: 'receipt', quantity: 4 }, { supplier: 's', reference: 'r' }),
    );
    await store.recordMovement(
      move(
        { kind: 'receipt', quantity: 2 },
        { locationId: 'store-b', supplier: 's', reference: 'r' },
      ),
    );
    await store.recordMovement(move({ kind: 'issue', quantity: 3 }));
    await store.recordMovement(
      move({ kind: 'return', quantity: 1 }, { reason: 'not needed' }),
    );
    const count = await store.recordMovement(
      move(
        { kind: 'count', counted: 1 },
        { locationId: 'store-b', reason: 'one broken in the box' },
      ),
    );
    expect(count.movement).toMatchObject({
      kind: 'count',
      counted: 1,
      delta: -1,
    });
    await expect(
      store.recordMovement(move({ kind: 'issue', quantity: 3 })),
    ).rejects.toThrow('quantity: only 2 of hdd-4tb in stock at store-a');
    const log = await store.movements({ partTypeId: disk.id, limit: 100 });
    expect(log).toHaveLength(5);
    const folded = foldStock([...log].reverse());
    const stock = (await store.stockOf(disk.id))!;
    expect(stock.total).toBe(totalOf(folded, disk.id));
    expect(stock.byLocation).toEqual([
      { locationId: 'store-a', quantity: stockAt(folded, disk.id, 'store-a') },
      { locationId: 'store-b', quantity: stockAt(folded, disk.id, 'store-b') },
    ]);
    expect(stock.total).toBe(3);
  });

  it('says below minimum on the one movement that crosses it', async () => {
    await store.recordMovement(
      move({ kind: 'receipt', quantity: 3 }, { supplier: 's', reference: 'r' }),
    );
    const first = await store.recordMovement(
      move({ kind: 'issue', quantity: 1 }),
    );
    const second = await store.recordMovement(
      move({ kind: 'issue', quantity: 1 }),
    );
    const third = await store.recordMovement(
      move({ kind: 'issue', quantity: 1 }),
    );
    expect([first, second, third].map(m => m.fellBelowMinimum)).toEqual([
      false,
      true,
      false,
    ]);
    expect((await store.belowMinimum(10)).map(s => s.partType.id)).toEqual([
      disk.id,
    ]);
  });

  it('refuses a stale repair version and keeps its updates in order', async () => {
    await store.saveVendor({
      id: 'reach',
      name: '锐取',
      contacts: ['400-000'],
    });
    const repair = await store.openRepair({
      id: '7d0f5c1e-0000-4000-8000-000000000001',
      deviceRef: 'resource:default/courtroom-recorder-t01',
      vendorId: 'reach',
      terms: 'warranty',
      sentOn: '2026-12-01',
      promisedOn: '2026-12-04',
      createdBy: ENGINEER,
      createdAt: AT,
    });
    expect(repair).toMatchObject({
      number: 'RPR-00001',
      overdue: true,
      version: 1,
    });
    await store.changeRepair(repair.id, {
      version: 1,
      note: '已寄出',
      actor: ENGINEER,
      at: AT,
    });
    await expect(
      store.changeRepair(repair.id, {
        version: 1,
        note: 'late',
        actor: ENGINEER,
        at: AT,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await store.changeRepair(repair.id, {
      version: 2,
      returnedOn: '2026-12-05',
      result: 'repaired',
      note: '修复返回',
      actor: ENGINEER,
      at: AT,
    });
    const back = (await store.getRepair(repair.id, '2026-12-06'))!;
    expect(back).toMatchObject({
      returnedOn: '2026-12-05',
      overdue: false,
      version: 3,
    });
    expect(back.updates.map(u => u.note)).toEqual(['已寄出', '修复返回']);
    expect(await store.claimOverdueNotice(repair.id, AT)).toBe(true);
    expect(await store.claimOverdueNotice(repair.id, AT)).toBe(false);
  });
});
