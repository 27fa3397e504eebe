/**
 * Audit trail benchmark (a measurement, not a test: it exits 0 when a goal is missed, and says
 * so). Issue 17, SEC-3:
 *
 *  1. the audit page's filtered query: the audit plugin's own store and migration on SQLite (a
 *     file, WAL, as the plugin opens it) and PostgreSQL, seeded with `--rows` hash-chained rows
 *     (default 5,000,000: a year of a busy court's events, the permission denials included) and
 *     then 10x fewer (`--scales`); every filter the page offers, random values, newest page first;
 *     p50/p95 per filter and over all (goal p95 <= 200 ms PostgreSQL, <= 500 ms SQLite);
 *  2. the added cost of storing audit rows to ticket create time: the tickets plugin on the same
 *     database with Backstage's default auditor (log lines only) and with the court's auditor,
 *     the sink and the audit plugin, creates over HTTP in alternating rounds (goal <= 10 %).
 *
 *   yarn tsx scripts/bench/audit.ts [--scales 5000000,500000] [--db sqlite|postgres|both]
 *       [--queries 40] [--creates 300] [--rounds 3] [--part query|create|both] [--keep]
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust); it only creates and drops
 * courtops_bench_audit_* databases. SQLite files go to a temporary folder.
 */
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  AuditRowContent,
  CHAIN_START,
  ChainLink,
  ChainRow,
  sealRows,
} from '@internal/plugin-audit-common';
import {
  DatabaseAuditStore,
  EventFilter,
  sha256,
} from '@internal/plugin-audit-backend';
import { measureCreates } from './audit/creates';
import { arg, flag, PG, pgAdmin, random } from './lib';

const PG_DB = 'courtops_bench_audit_query';

const GOALS = { pgP95Ms: 200, sqliteP95Ms: 500, createOverheadPct: 10 };

const options = {
  scales: (arg('scales') ?? '5000000,500000').split(',').map(Number),
  dbs: (arg('db') ?? 'both') === 'both' ? ['postgres', 'sqlite'] : [arg('db')!],
  queries: Number(arg('queries') ?? 40),
  creates: Number(arg('creates') ?? 300),
  rounds: Number(arg('rounds') ?? 3),
  part: arg('part') ?? 'both',
  keep: flag('keep'),
};

const USERS = Array.from({ length: 60 }, (_, i) => `user:default/person-${i}`);
const SERVICES = ['tickets', 'inspections', 'archive', 'reports', 'kb'].map(
  p => `plugin:${p}`,
);
/** Plugin, its share of the events, its event ids. */
const PLUGINS: [string, number, string[]][] = [
  [
    'tickets',
    0.35,
    [
      'ticket-create',
      'ticket-edit',
      'ticket-action',
      'ticket-comment',
      'ticket-work-log',
    ],
  ],
  ['catalog', 0.2, ['entity-fetch', 'entity-mutate', 'location-mutate']],
  ['permission', 0.15, ['policy-decision']],
  [
    'archive',
    0.08,
    ['archive-document-create', 'archive-download', 'archive-version-upload'],
  ],
  ['kb', 0.07, ['kb-article-create', 'kb-article-update']],
  ['inspections', 0.07, ['inspection-answer', 'inspection-round-create']],
  ['scaffolder', 0.03, ['task', 'template-parameter-schema']],
  ['reports', 0.02, ['report-issue', 'report-acknowledge']],
  ['audit', 0.02, ['audit-export', 'audit-verify']],
  ['calendar', 0.01, ['calendar-year-save']],
];
const YEAR_START = Date.parse('2026-01-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;
const TICKETS = 60_000;
const DEVICES = 300;

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)];
}

function pluginOf(next: () => number): [string, string[]] {
  let r = next();
  for (const [plugin, share, events] of PLUGINS) {
    r -= share;
    if (r < 0) return [plugin, events];
  }
  return [PLUGINS[0][0], PLUGINS[0][2]];
}

/** Row `i` of `total`: spread evenly over 2026, newest last. */
function rowAt(i: number, total: number, next: () => number): AuditRowContent {
  const [plugin, events] = pluginOf(next);
  const eventId = pick(next, events);
  const r = next();
  const outcome = r < 0.9 ? 'succeeded' : r < 0.98 ? 'failed' : 'initiated';
  const target =
    plugin === 'tickets'
      ? `INC-2026-${String(1 + Math.floor(next() * TICKETS)).padStart(5, '0')}`
      : plugin === 'catalog'
      ? `resource:default/device-${Math.floor(next() * DEVICES)}`
      : plugin === 'permission'
      ? pick(next, [
          'tickets.ticket.update',
          'archive.document.read-restricted',
          'audit.event.read',
        ])
      : null;
  const viaService = next() < 0.1;
  return {
    kind: 'event',
    occurredAt: new Date(
      YEAR_START + Math.floor((i / total) * YEAR_MS),
    ).toISOString(),
    plugin,
    eventId,
    severity: plugin === 'permission' ? 'low' : 'medium',
    outcome,
    actor: viaService ? pick(next, SERVICES) : pick(next, USERS),
    target,
    method: plugin === 'permission' ? null : 'POST',
    url: plugin === 'permission' ? null : `/api/${plugin}/${eventId}`,
    ip: `10.8.${Math.floor(next() * 8)}.${Math.floor(next() * 250)}`,
    meta: target ? JSON.stringify({ target }) : null,
    error: outcome === 'failed' ? 'NotFoundError: no such record' : null,
  };
}

/** Rows per SQLite INSERT: knex writes them as one compound SELECT (at most 500 terms). */
const INSERT_ROWS = 400;

const COLUMNS = [
  'seq',
  'kind',
  'occurred_at',
  'plugin',
  'event_id',
  'severity',
  'outcome',
  'actor',
  'target',
  'method',
  'url',
  'ip',
  'meta',
  'error',
  'prev_hash',
  'hash',
] as const;

function columnsOf(r: ChainRow): Record<(typeof COLUMNS)[number], unknown> {
  return {
    seq: r.seq,
    kind: r.kind,
    occurred_at: r.occurredAt,
    plugin: r.plugin,
    event_id: r.eventId,
    severity: r.severity,
    outcome: r.outcome,
    actor: r.actor,
    target: r.target,
    method: r.method,
    url: r.url,
    ip: r.ip,
    meta: r.meta,
    error: r.error,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** Seeds `total` chained rows straight into the audit tables (the store's own sealing). */
async function seed(db: Knex, total: number): Promise<void> {
  const next = random(17);
  const isPg = String(db.client.config.client) === 'pg';
  let link: ChainLink = CHAIN_START;
  const started = performance.now();
  for (let i = 0; i < total; ) {
    const n = Math.min(50_000, total - i);
    const rows = sealRows(
      link,
      Array.from({ length: n }, (_, k) => rowAt(i + k, total, next)),
      sha256,
    );
    await db.transaction(async trx => {
      if (isPg) {
        const values = rows.map(columnsOf);
        // One statement per batch: arrays of the columns, unnested by PostgreSQL.
        await trx.raw(
          `INSERT INTO audit_events (${COLUMNS.join(', ')})
           SELECT * FROM unnest(${COLUMNS.map(c =>
             c === 'seq' ? '?::bigint[]' : '?::text[]',
           ).join(', ')})`,
          COLUMNS.map(c => values.map(v => v[c])) as Knex.RawBinding[],
        );
        return;
      }
      for (let k = 0; k < rows.length; k += INSERT_ROWS) {
        await trx('audit_events').insert(
          rows.slice(k, k + INSERT_ROWS).map(columnsOf),
        );
      }
    });
    link = rows[rows.length - 1];
    i += n;
    if (i % 500_000 === 0 || i === total) {
      process.stdout.write(
        `  seeded ${i.toLocaleString('en')} rows (${Math.round(
          (performance.now() - started) / 1000,
        )} s)\n`,
      );
    }
  }
  await db('audit_chain_head')
    .where({ id: 1 })
    .update({ last_seq: link.seq, last_hash: link.hash });
  if (isPg) await db.raw('ANALYZE audit_events');
  else await db.raw('ANALYZE');
}

/** The audit page's filters, with random values of a seeded trail. */
const FILTERS: Record<string, (next: () => number) => EventFilter> = {
  'newest (no filter)': () => ({}),
  person: next => ({ actor: pick(next, USERS) }),
  'person, 30 days': next => {
    const from = YEAR_START + Math.floor(next() * (YEAR_MS - 30 * 86_400_000));
    return {
      actor: pick(next, USERS),
      from: new Date(from).toISOString(),
      to: new Date(from + 30 * 86_400_000).toISOString(),
    };
  },
  'plugin, 7 days': next => {
    const from = YEAR_START + Math.floor(next() * (YEAR_MS - 7 * 86_400_000));
    return {
      plugin: pick(
        next,
        PLUGINS.map(p => p[0]),
      ),
      from: new Date(from).toISOString(),
      to: new Date(from + 7 * 86_400_000).toISOString(),
    };
  },
  'entity (ticket)': next => ({
    target: `INC-2026-${String(1 + Math.floor(next() * TICKETS)).padStart(
      5,
      '0',
    )}`,
  }),
  'action, failed': next => ({
    action: pick(next, PLUGINS[0][2]),
    outcome: 'failed',
  }),
  'one day': next => {
    const from = YEAR_START + Math.floor(next() * 364) * 86_400_000;
    return {
      from: new Date(from).toISOString(),
      to: new Date(from + 86_400_000).toISOString(),
    };
  },
  'person, plugin, action': next => ({
    actor: pick(next, USERS),
    plugin: 'tickets',
    action: pick(next, PLUGINS[0][2]),
  }),
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(
    sorted,
    95,
  ).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function measureQueries(store: DatabaseAuditStore): Promise<number> {
  const next = random(99);
  const all: number[] = [];
  // Warm the caches as a page in use would.
  for (const make of Object.values(FILTERS))
    await store.list(make(next), { limit: 100 });
  for (const [name, make] of Object.entries(FILTERS)) {
    const times: number[] = [];
    for (let i = 0; i < options.queries; i++) {
      const filter = make(next);
      const t0 = performance.now();
      const page = await store.list(filter, { limit: 100 });
      // The second page, as "show more" asks it.
      if (page.nextCursor && i % 4 === 0) {
        await store.list(filter, { limit: 100, cursor: page.nextCursor });
      }
      times.push(performance.now() - t0);
    }
    all.push(...times);
    console.log(`    ${name.padEnd(24)} ${summary(times)}`);
  }
  const p95 = percentile(
    [...all].sort((a, b) => a - b),
    95,
  );
  console.log(`    ${'all filters'.padEnd(24)} ${summary(all)}`);
  return p95;
}

async function openDb(kind: string, dir: string, scale: number): Promise<Knex> {
  if (kind === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, `audit-${scale}.sqlite`) },
      useNullAsDefault: true,
    });
  }
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE ${PG_DB}`);
  } finally {
    await admin.destroy();
  }
  return knexFactory({ client: 'pg', connection: { ...PG, database: PG_DB } });
}

async function dropPg(): Promise<void> {
  await pgAdmin(admin =>
    admin.raw(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`),
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'courtops-bench-audit-'));
  const results: string[] = [];
  try {
    if (options.part !== 'create') {
      for (const kind of options.dbs) {
        for (const scale of options.scales) {
          console.log(`\n${kind}, ${scale.toLocaleString('en')} audit rows`);
          const db = await openDb(kind, dir, scale);
          try {
            const store = await DatabaseAuditStore.fromKnex(db);
            await seed(db, scale);
            const p95 = await measureQueries(store);
            const goal =
              kind === 'postgres' ? GOALS.pgP95Ms : GOALS.sqliteP95Ms;
            results.push(
              `query p95 ${kind} ${scale.toLocaleString(
                'en',
              )} rows: ${p95.toFixed(1)} ms (goal <= ${goal} ms: ${
                p95 <= goal ? 'met' : 'MISSED'
              })`,
            );
          } finally {
            await db.destroy();
            if (kind === 'postgres' && !options.keep) await dropPg();
          }
        }
      }
    }
    if (options.part !== 'query') {
      for (const kind of options.dbs) {
        console.log(
          `\n${kind}, ticket creates with and without the audit sink`,
        );
        const { without, withSink } = await measureCreates({
          kind: kind as 'sqlite' | 'postgres',
          dir,
          creates: options.creates,
          rounds: options.rounds,
        });
        const overhead = ((withSink.mean - without.mean) / without.mean) * 100;
        results.push(
          `ticket create ${kind}: ${without.mean.toFixed(
            2,
          )} ms mean (p95 ${without.p95.toFixed(1)}) log only, ` +
            `${withSink.mean.toFixed(2)} ms mean (p95 ${withSink.p95.toFixed(
              1,
            )}) stored: ${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)} % ` +
            `(goal <= ${GOALS.createOverheadPct} %: ${
              overhead <= GOALS.createOverheadPct ? 'met' : 'MISSED'
            })`,
        );
      }
    }
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nSummary\n${results.map(r => `  ${r}`).join('\n')}`);
}

main().then(
  // The test backends leave pool timers behind; the figures are printed.
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
