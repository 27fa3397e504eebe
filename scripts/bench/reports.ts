/**
 * Report figures benchmark (a measurement, not a test: it exits 0 when a goal
 * is missed, and says so). A year of 100,000 tickets from the tickets
 * benchmark's generator (realistic histories, clocks by the real SLA engine),
 * seeded into the tickets plugin's own tables (its migrations, the report
 * indexes included), on SQLite and PostgreSQL; then what `GET
 * /api/tickets/figures` does for a period: the facts read by
 * DatabaseTicketFiguresStore and the report maths (`ticketFigures`), timed
 * for a month (20 runs) and a quarter (10 runs), after one warm-up each.
 * Prints p50, p95, the facts read and the process's peak RSS.
 *
 *   yarn tsx scripts/bench/reports.ts [--scale 100000] [--db sqlite|postgres|both]
 *       [--month-runs 20] [--quarter-runs 10] [--keep] [--priority]
 *       --keep      leave the data folder and the courtops_bench_reports database
 *       --priority  measure at nice -10 (root): the measuring process and the
 *                   PostgreSQL backends of its own connections, ahead of
 *                   others' builds on a shared machine
 *
 * The seeding process generates and writes the year; a second process,
 * started per database, measures, so its peak RSS is that of the queries and
 * the maths alone.
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust); the scratch database
 * courtops_bench_reports is created and dropped (never another bench's).
 * The year ends on 2026-11-30 (court time); the month is June 2026, the
 * quarter April–June 2026.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  periodWindow,
  ReportPeriod,
  ticketFigures,
} from '@internal/plugin-reports-common';
import { DatabaseTicketFiguresStore } from '@internal/plugin-tickets-backend';
import { readCourtCatalog } from './tickets/catalog';
import { Dataset, generateDataset } from './tickets/dataset';
import { DbKind, insertAll, migrateForSeed, seed } from './tickets/seed';
import { arg, countArg, flag, percentile, PG, pgAdmin } from './lib';

const repoRoot = resolve(import.meta.dirname, '../..');
const migrationsDir = resolvePackagePath(
  '@internal/plugin-tickets-backend',
  'migrations',
);
const ZONE = 'Asia/Shanghai';
const PG_DATABASE = 'courtops_bench_reports';

/** The goals (p95). */
const GOALS = { monthMs: 500, quarterMs: 1_500, rssMb: 1_024 };

const MONTH: ReportPeriod = { from: '2026-06-01', to: '2026-06-30' };
const QUARTER: ReportPeriod = { from: '2026-04-01', to: '2026-06-30' };

const options = {
  scale: countArg('scale', 100000),
  dbs: ((): DbKind[] => {
    const db = arg('db') ?? 'both';
    if (db === 'both') return ['sqlite', 'postgres'];
    if (db === 'sqlite' || db === 'postgres') return [db];
    throw new Error(`--db must be sqlite, postgres or both, not ${db}`);
  })(),
  monthRuns: Number(arg('month-runs') ?? 20),
  quarterRuns: Number(arg('quarter-runs') ?? 10),
  keep: flag('keep'),
  /** Run the measuring process and its own PostgreSQL backends at nice -10 (root). */
  nice: flag('priority') ? -10 : undefined,
};

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const mb = (bytes: number) => bytes / 1024 / 1024;

async function dropPgDatabase() {
  await pgAdmin(admin =>
    admin.raw(`drop database if exists ${PG_DATABASE} with (force)`),
  );
}

/** The tickets tables in this bench's own PostgreSQL database, as seed() fills SQLite. */
async function seedPostgres(data: Dataset): Promise<Knex> {
  await dropPgDatabase();
  await pgAdmin(admin => admin.raw(`create database ${PG_DATABASE}`));
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database: PG_DATABASE },
    pool: { min: 0, max: 4 },
  });
  await migrateForSeed(db, migrationsDir);
  for (const [table, rows] of [
    ['tickets', data.tickets],
    ['ticket_entities', data.entities],
    ['ticket_events', data.events],
    ['ticket_clocks', data.clocks],
  ] as const) {
    await insertAll(db, table, rows, 60_000);
  }
  await db.migrate.latest({ directory: migrationsDir });
  // Autovacuum would have vacuumed and analysed a database this size long ago
  // (inserts alone trigger it since PostgreSQL 13): statistics, and a visibility
  // map for index-only scans.
  await db.raw('vacuum analyze');
  return db;
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** p50 of the store's reads and of the maths alone. */
  storeP50: number;
  mathsP50: number;
  tickets: number;
  changes: number;
  services: number;
  rssGrowthMb: number;
}

async function time(
  store: DatabaseTicketFiguresStore,
  period: ReportPeriod,
  runs: number,
): Promise<Timing> {
  const window = periodWindow(period, ZONE);
  const storeMs: number[] = [];
  const mathsMs: number[] = [];
  const once = async () => {
    const started = performance.now();
    const { tickets, changes } = await store.factsIn(period, window);
    const read = performance.now();
    const figures = ticketFigures(tickets, changes, window);
    storeMs.push(read - started);
    mathsMs.push(performance.now() - read);
    return { tickets, changes, figures };
  };
  await once(); // warm-up: caches, query plans, JIT
  storeMs.length = 0;
  mathsMs.length = 0;
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const ms: number[] = [];
  let last: Awaited<ReturnType<typeof once>> | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await once();
    ms.push(performance.now() - started);
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  ms.sort((a, b) => a - b);
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: ms[ms.length - 1],
    storeP50: percentile(sorted(storeMs), 50),
    mathsP50: percentile(sorted(mathsMs), 50),
    tickets: last!.tickets.length,
    changes: last!.changes.length,
    services: last!.figures.services.total,
    rssGrowthMb: mb(rssMax - rssBefore),
  };
}

/** The machine is shared: its load is printed beside each figure. */
const load = () =>
  `load average ${loadavg()
    .map(l => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`;

function report(db: DbKind, name: string, goalMs: number, t: Timing) {
  const verdict = t.p95 <= goalMs ? 'meets' : 'MISSES';
  console.log(
    `  ${db.padEnd(8)} ${name.padEnd(7)} p50 ${t.p50.toFixed(
      1,
    )} ms  p95 ${t.p95.toFixed(1)} ms  max ${t.max.toFixed(
      1,
    )} ms  (${verdict} p95 ≤ ${goalMs} ms; p50 store ${t.storeP50.toFixed(
      1,
    )} ms + maths ${t.mathsP50.toFixed(1)} ms)  facts: ${t.tickets} tickets, ${
      t.changes
    } changes; ${t.services} services; RSS +${t.rssGrowthMb.toFixed(
      0,
    )} MB over the runs; ${load()}`,
  );
}

function openDatabase(db: DbKind, dataDir: string): Knex {
  return db === 'sqlite'
    ? knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dataDir, 'tickets.sqlite') },
        useNullAsDefault: true,
      })
    : knexFactory({
        client: 'pg',
        connection: { ...PG, database: PG_DATABASE },
        pool: { min: 4, max: 4 },
      });
}

/**
 * The measurement, in a process of its own (so its peak RSS is the queries'
 * and the maths', not the generator's): month, then quarter.
 */
async function measure(db: DbKind, dataDir: string) {
  const knex = openDatabase(db, dataDir);
  try {
    if (db === 'sqlite') {
      await knex.raw('PRAGMA journal_mode = WAL');
    } else if (options.nice !== undefined) {
      // The backends serving this bench's own connections, and no others.
      await knex.raw('select 1');
      const { rows } = await knex.raw(
        'select pid from pg_stat_activity where datname = ?',
        [PG_DATABASE],
      );
      for (const { pid } of rows as { pid: number }[]) {
        setPriority(pid, options.nice);
      }
    }
    const store = new DatabaseTicketFiguresStore(knex);
    report(
      db,
      'month',
      GOALS.monthMs,
      await time(store, MONTH, options.monthRuns),
    );
    report(
      db,
      'quarter',
      GOALS.quarterMs,
      await time(store, QUARTER, options.quarterRuns),
    );
  } finally {
    await knex.destroy();
  }
  const peak = peakRssMb();
  console.log(
    `  ${db.padEnd(8)} peak RSS of the measuring process: ${peak.toFixed(
      0,
    )} MB (${peak <= GOALS.rssMb ? 'meets' : 'MISSES'} < ${GOALS.rssMb} MB)`,
  );
}

async function main() {
  if (options.nice !== undefined) setPriority(process.pid, options.nice);
  const measuring = arg('measure');
  if (measuring) {
    await measure(measuring as DbKind, arg('data-dir')!);
    return;
  }
  const catalog = readCourtCatalog(repoRoot);
  const nowMs = Date.parse('2026-12-01T00:00:00+08:00');
  let started = performance.now();
  const data = generateDataset(options.scale, catalog, nowMs);
  console.log(
    `generated ${data.tickets.length} tickets, ${data.events.length} events, ${
      data.clocks.length
    } clocks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'courtops-bench-reports-'));
  try {
    for (const db of options.dbs) {
      started = performance.now();
      if (db === 'sqlite') {
        await seed('sqlite', dataDir, data, migrationsDir);
      } else {
        await (await seedPostgres(data)).destroy();
      }
      console.log(
        `${db}: seeded in ${((performance.now() - started) / 1000).toFixed(
          1,
        )} s`,
      );
      try {
        execFileSync(
          process.execPath,
          [
            ...process.execArgv,
            import.meta.filename,
            ...process.argv.slice(2),
            '--measure',
            db,
            '--data-dir',
            dataDir,
          ],
          { stdio: 'inherit' },
        );
      } finally {
        if (db === 'postgres' && !options.keep) await dropPgDatabase();
      }
    }
  } finally {
    if (options.keep) console.log(`kept ${dataDir} and ${PG_DATABASE}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
