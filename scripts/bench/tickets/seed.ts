/**
 * Writes a generated dataset straight into the tickets plugin's database
 * before the backend starts: the plugin's own migration, then batched
 * multi-row inserts inside transactions.
 *
 * - SQLite: `<dataDir>/tickets.sqlite`, the file Backstage's sqlite connector
 *   opens for plugin `tickets` under `backend.database.connection.directory`
 *   (`${directory}/${pluginId}.sqlite`).
 * - PostgreSQL: database `<prefix>tickets` (Backstage's `prefix` + pluginId);
 *   the bench uses its own prefix, so only `courtops_bench_tickets_*` databases are
 *   ever created or dropped.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from './sqlite';
import knexFactory, { Knex } from 'knex';
import { Dataset, Row } from './dataset';
import { PG } from '../lib';

/** Every database the bench creates starts with this. */
export const PG_PREFIX = 'courtops_bench_tickets_';

export type DbKind = 'sqlite' | 'postgres';

export function ticketsKnex(
  kind: DbKind,
  dataDir: string,
  prefix = PG_PREFIX,
): Knex {
  return kind === 'sqlite'
    ? knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dataDir, 'tickets.sqlite') },
        useNullAsDefault: true,
      })
    : knexFactory({
        client: 'pg',
        connection: { ...PG, database: `${prefix}tickets` },
        pool: { min: 0, max: 2 },
      });
}

/**
 * Drops every `courtops_bench_tickets_*` database (the backend's plugin
 * databases of a previous run of this bench, never another bench's; another
 * bench passes its own prefix), then creates an empty tickets database
 * unless told not to.
 */
export async function resetPostgres(
  createTickets = true,
  prefix = PG_PREFIX,
): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
  try {
    const { rows } = await admin.raw(
      `select datname from pg_database where datname like ?`,
      [`${prefix.replace(/_/g, '\\_')}%`],
    );
    for (const { datname } of rows as { datname: string }[]) {
      if (!datname.startsWith(prefix)) continue;
      await admin.raw(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()`,
        [datname],
      );
      await admin.raw(`drop database if exists ??`, [datname]);
    }
    if (createTickets) {
      await admin.raw(`create database ??`, [`${prefix}tickets`]);
    }
  } finally {
    await admin.destroy();
  }
}

export async function insertAll(
  db: Knex,
  table: string,
  rows: Row[],
  maxParams: number,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const batch = Math.max(1, Math.floor(maxParams / columns));
  // One transaction per ~50,000 rows keeps each commit cheap on both.
  const perTransaction = Math.max(batch, Math.floor(50_000 / batch) * batch);
  for (let i = 0; i < rows.length; i += perTransaction) {
    const slice = rows.slice(i, i + perTransaction);
    await db.transaction(async trx => {
      for (let j = 0; j < slice.length; j += batch) {
        await trx(table).insert(slice.slice(j, j + batch));
      }
    });
  }
}

/**
 * The first migration that fills what it adds from the rows already there: the seed writes the
 * tables as they were before it, then runs it and those after, as a court's upgrade does.
 */
const FIRST_BACKFILL = '20261208000000_ticket_log_columns';

/** Every migration before {@link FIRST_BACKFILL}. */
export async function migrateForSeed(db: Knex, directory: string) {
  for (;;) {
    const [, pending] = (await db.migrate.list({ directory })) as [
      unknown,
      ({ file: string } | string)[],
    ];
    const next = pending[0];
    const name = typeof next === 'string' ? next : next?.file;
    if (!name || name.startsWith(FIRST_BACKFILL)) return;
    await db.migrate.up({ directory });
  }
}

export interface SeedResult {
  readonly ms: number;
  readonly rows: number;
}

export async function seed(
  kind: DbKind,
  dataDir: string,
  data: Dataset,
  migrationsDir: string,
  prefix = PG_PREFIX,
): Promise<SeedResult> {
  const started = performance.now();
  if (kind === 'postgres') await resetPostgres(true, prefix);
  mkdirSync(dataDir, { recursive: true });
  const db = ticketsKnex(kind, dataDir, prefix);
  try {
    if (kind === 'sqlite') {
      // As createTicketStores does.
      await db.raw('PRAGMA journal_mode = WAL');
    }
    await migrateForSeed(db, migrationsDir);
    const tables: [string, Row[]][] = [
      ['tickets', data.tickets],
      ['ticket_entities', data.entities],
      ['ticket_events', data.events],
      ['ticket_clocks', data.clocks],
      ['ticket_sla_alerts', data.alerts],
      ['ticket_sequences', data.sequences],
    ];
    let rows = 0;
    if (kind === 'sqlite') {
      // knex writes a multi-row insert as a compound SELECT, which SQLite
      // caps at 500 terms; a prepared statement per table in one
      // better-sqlite3 transaction per 50,000 rows is both simpler and faster.
      await db.destroy();
      const sqlite = new Database(join(dataDir, 'tickets.sqlite'));
      try {
        for (const [table, list] of tables) {
          if (list.length === 0) continue;
          const columns = Object.keys(list[0]);
          const insert = sqlite.prepare(
            `insert into "${table}" (${columns
              .map(c => `"${c}"`)
              .join(', ')}) values (${columns.map(c => `@${c}`).join(', ')})`,
          );
          const many = sqlite.transaction((slice: Row[]) => {
            for (const row of slice) insert.run(row);
          });
          for (let i = 0; i < list.length; i += 50_000) {
            many(list.slice(i, i + 50_000));
          }
          rows += list.length;
        }
        // Backstage never runs ANALYZE on SQLite, so neither does the bench:
        // the planner works without sqlite_stat1, as in a real install.
      } finally {
        sqlite.close();
      }
      const upgraded = ticketsKnex(kind, dataDir, prefix);
      try {
        await upgraded.migrate.latest({ directory: migrationsDir });
        await upgraded.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      } finally {
        await upgraded.destroy();
      }
      return { ms: performance.now() - started, rows };
    }
    for (const [table, list] of tables) {
      // PostgreSQL allows 65,535 bound parameters per statement.
      await insertAll(db, table, list, 60_000);
      rows += list.length;
    }
    await db.migrate.latest({ directory: migrationsDir });
    // A database that has grown to this size has been analysed by
    // autovacuum long ago; do it now rather than in the middle of a run.
    await db.raw('analyze');
    return { ms: performance.now() - started, rows };
  } finally {
    await db.destroy(); // a second destroy is a no-op
  }
}
