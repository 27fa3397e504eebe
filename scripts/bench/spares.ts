/**
 * Spares benchmark, issue #20 (a measurement, not a test: it exits 0 when a
 * goal is missed, and says so). For each database:
 *
 *  1. creates a scratch database (SQLite: a file in a temporary folder;
 *     PostgreSQL: `courtops_bench_spares`, dropped and created again) and runs
 *     the spares plugin's own migrations through its store class;
 *  2. seeds P part types (default 5,000), L store locations (default 50) and
 *     M movements (default 500,000): receipts, issues, returns and counts over
 *     two years, each part kept at a handful of locations, issues only from
 *     what is on the shelf, so the stock rows are the fold of the movements
 *     (checked after seeding for a sample of parts);
 *  3. times, as `GET /stock/:id` and `GET /store` run them (the service's own
 *     methods, the query checked by the API's schema, the JSON answer):
 *     the stock of one random part, and the store page (a page of 100 part
 *     types with their stock, the parts below minimum, the last 50 movements)
 *     at a random place in the list.
 *
 *   yarn tsx scripts/bench/spares.ts [--scale 1] [--db sqlite|postgres|both]
 *       [--rounds 200] [--keep]
 *
 * `--scale 10` seeds ten times the movements (and part types); goals: p95
 * ≤ 20 ms for one part's stock, ≤ 100 ms for the store page.
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust).
 */
import { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import { SystemCourtClock } from '@internal/plugin-court-node';
import {
  MovementKind,
  deltaOf,
  foldStock,
  totalOf,
} from '@internal/plugin-spares-common';
import { SparesService, SparesStore } from '@internal/plugin-spares-backend';
import {
  arg,
  type BenchDatabase,
  databasesArg,
  flag,
  openScratchDatabase,
  random,
  time,
} from './lib';

const GOAL_STOCK_MS = 20;
const GOAL_PAGE_MS = 100;
const PG_DATABASE = 'courtops_bench_spares';

const scale = Number(arg('scale') ?? '1');
const options = {
  partTypes: 5_000 * scale,
  locations: 50,
  movements: 500_000 * scale,
  dbs: databasesArg(),
  rounds: Number(arg('rounds') ?? '200'),
  keep: flag('keep'),
};
const openDatabase = (db: BenchDatabase) =>
  openScratchDatabase(db, {
    name: 'spares',
    pgDatabase: PG_DATABASE,
    keep: options.keep,
  });

const CLASSES = [
  'courtroom-recorder',
  'courtroom-camera',
  'nvr',
  'access-switch',
  'core-switch',
  'ups',
  'pc',
  'printer',
  'server',
  'storage',
];
const NAMES = [
  '硬盘',
  '电源模块',
  '光模块',
  '风扇',
  '主板',
  '内存',
  '蓄电池',
  '硒鼓',
  '网卡',
  '键盘',
];

const partId = (i: number) => `part-${String(i).padStart(6, '0')}`;
const locationId = (i: number) => `store-${String(i).padStart(2, '0')}`;

async function seed(knex: Knex) {
  const next = random(20);
  const at0 = Date.parse('2025-01-01T00:00:00Z');
  const span = 2 * 365 * 86_400_000;
  const partRows = Array.from({ length: options.partTypes }, (_, i) => ({
    id: partId(i),
    name: `${NAMES[i % NAMES.length]} ${i}`,
    device_classes: JSON.stringify([CLASSES[i % CLASSES.length]]),
    models: '[]',
    minimum: Math.floor(next() * 6),
    on_hand: 0,
    version: 1,
    updated_at: '2025-01-01T00:00:00.000Z',
  }));
  const shelves = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < options.movements; i++) {
    // A few parts are used a lot (disks, toner), most now and then.
    const part = Math.floor(next() ** 2 * options.partTypes);
    const location = (part * 7 + Math.floor(next() * 5)) % options.locations;
    const key = `${part}/${location}`;
    const onHand = shelves.get(key) ?? 0;
    const roll = next();
    let kind: MovementKind =
      roll < 0.3
        ? 'receipt'
        : roll < 0.85
        ? 'issue'
        : roll < 0.97
        ? 'return'
        : 'count';
    if (kind === 'issue' && onHand === 0) kind = 'receipt';
    const quantity = 1 + Math.floor(next() * (kind === 'receipt' ? 10 : 2));
    const outcome = deltaOf(
      onHand,
      kind === 'count'
        ? { kind, counted: Math.max(0, onHand - Math.floor(next() * 2)) }
        : {
            kind,
            quantity: kind === 'issue' ? Math.min(quantity, onHand) : quantity,
          },
    );
    if ('refused' in outcome) throw new Error(outcome.refused);
    shelves.set(key, onHand + outcome.delta);
    rows.push({
      part_type_id: partId(part),
      location_id: locationId(location),
      kind,
      delta: outcome.delta,
      counted: kind === 'count' ? onHand + outcome.delta : null,
      ticket:
        kind === 'issue'
          ? `INC-2026-${String(1 + (i % 40_000)).padStart(5, '0')}`
          : null,
      device_ref:
        kind === 'issue' ? `resource:default/device-${i % 800}` : null,
      system_ref: kind === 'issue' ? `system:default/system-${i % 9}` : null,
      supplier: kind === 'receipt' ? '供应商' : null,
      reference: kind === 'receipt' ? `PO-${i}` : null,
      reason: kind === 'count' || kind === 'return' ? '盘点/退回' : null,
      actor: 'user:default/wangqiang',
      at: new Date(at0 + (span * i) / options.movements).toISOString(),
    });
  }
  const totals = new Map<string, number>();
  for (const [key, quantity] of shelves) {
    const part = partId(Number(key.split('/')[0]));
    totals.set(part, (totals.get(part) ?? 0) + quantity);
  }
  for (const row of partRows) row.on_hand = totals.get(row.id) ?? 0;
  await knex.transaction(async trx => {
    await trx.batchInsert(
      'spares_locations',
      Array.from({ length: options.locations }, (_, i) => ({
        id: locationId(i),
        name: `备件库 ${i}`,
      })),
      500,
    );
    await trx.batchInsert('spares_part_types', partRows, 500);
    await trx.batchInsert(
      'spares_stock',
      [...shelves].map(([key, quantity]) => {
        const [part, location] = key.split('/').map(Number);
        return {
          part_type_id: partId(part),
          location_id: locationId(location),
          quantity,
        };
      }),
      400,
    );
    // SQLite takes at most 500 rows in one compound insert.
    await trx.batchInsert('spares_movements', rows, 400);
  });
  return rows;
}

async function main() {
  console.log(
    `spares bench: ${options.partTypes} part types, ${options.locations} locations, ${options.movements} movements, ${options.rounds} rounds`,
  );
  for (const db of options.dbs) {
    const { knex, cleanup } = await openDatabase(db);
    try {
      const store = await SparesStore.fromKnex(knex);
      const seeding = performance.now();
      const rows = await seed(knex);
      await knex.raw('ANALYZE');
      console.log(
        `[${db}] seeded in ${((performance.now() - seeding) / 1000).toFixed(
          1,
        )} s`,
      );
      // The stock rows are the fold of the movements (a sample of parts).
      const sample = [0, 1, 17, options.partTypes - 1].map(partId);
      const folded = foldStock(
        rows
          .filter(r => sample.includes(String(r.part_type_id)))
          .map(r => ({
            partTypeId: String(r.part_type_id),
            locationId: String(r.location_id),
            kind: r.kind as MovementKind,
            delta: Number(r.delta),
          })),
      );
      // Let the seeded rows go before timing, so their garbage collection is not timed.
      rows.length = 0;
      for (const i of [0, 1, 17, options.partTypes - 1]) {
        const stock = await store.stockOf(partId(i));
        if (stock?.total !== totalOf(folded, partId(i))) {
          throw new Error(
            `stock of ${partId(i)} is not the fold of its movements`,
          );
        }
      }
      // Only the store is reached by these two reads; the other deps stay unused.
      const service = new SparesService({
        store,
        clock: new SystemCourtClock(),
        zone: 'Asia/Shanghai',
      } as unknown as ConstructorParameters<typeof SparesService>[0]);
      const pick = random(7);
      // Warm the caches and the query plans as a running portal has them.
      await time(20, () => service.store({ limit: '100' }));
      const stock = await time(options.rounds, () =>
        service.stock(partId(Math.floor(pick() * options.partTypes))),
      );
      const page = await time(Math.max(20, options.rounds / 4), () =>
        service.store({
          limit: '100',
          cursor:
            pick() < 0.2
              ? undefined
              : partId(Math.floor(pick() * options.partTypes)),
        }),
      );
      const line = (
        name: string,
        r: { p50: number; p95: number; max: number },
        goal: number,
      ) =>
        console.log(
          `[${db}] ${name}: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(
            2,
          )} ms, max ${r.max.toFixed(2)} ms (goal p95 ≤ ${goal} ms: ${
            r.p95 <= goal ? 'met' : 'MISSED'
          })`,
        );
      line('stock of one part', stock, GOAL_STOCK_MS);
      line('store page', page, GOAL_PAGE_MS);
    } finally {
      await cleanup();
    }
  }
}

main().catch(error => {
  console.error(String(error).slice(0, 500));
  process.exit(1);
});
