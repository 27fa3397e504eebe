import type { Knex } from 'knex';

/** Whether `db` talks to SQLite (better-sqlite3 or sqlite3) rather than PostgreSQL. */
export function isSqlite(db: Knex): boolean {
  return String(db.client.config.client).includes('sqlite');
}

/**
 * Readies a family's database before its store opens: a SQLite file in WAL mode, then the
 * family's migrations unless told not to (a test that migrates by hand).
 *
 * In WAL mode readers keep reading while a write commits; Backstage leaves the rollback journal
 * on. The portal's database service (packages/backend) sets WAL for every plugin already; this
 * is for a store opened on a knex of its own, as the benchmarks and tests do.
 */
export async function prepareStoreDatabase(
  db: Knex,
  options: { migrationsDir: string; skipMigrations?: boolean },
): Promise<void> {
  if (isSqlite(db)) {
    await db.raw('PRAGMA journal_mode = WAL');
  }
  if (!options.skipMigrations) {
    await db.migrate.latest({ directory: options.migrationsDir });
  }
}
