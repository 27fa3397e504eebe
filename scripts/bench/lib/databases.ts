import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDatabase } from './args';

/** The local PostgreSQL the benchmarks use (trust authentication). */
export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };

/** Runs `fn` on a connection to the `postgres` database, then closes it. */
export async function pgAdmin<T>(fn: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

export interface ScratchDatabase {
  readonly knex: Knex;
  /** Closes it and, unless kept, removes it. */
  cleanup(): Promise<void>;
}

/**
 * A scratch database for one run: SQLite, a file in a new temporary folder;
 * PostgreSQL, `pgDatabase` dropped and created again. `keep` leaves it
 * behind (and says where) for a look afterwards.
 */
export async function openScratchDatabase(
  kind: BenchDatabase,
  options: { name: string; pgDatabase: string; keep?: boolean },
): Promise<ScratchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${options.name}-bench-`));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, `${options.name}.sqlite`) },
      useNullAsDefault: true,
    });
    return {
      knex,
      async cleanup() {
        await knex.destroy();
        if (options.keep) console.log(`  kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = options.pgDatabase;
  await pgAdmin(async admin => {
    await admin.raw('drop database if exists ??', [database]);
    await admin.raw('create database ??', [database]);
  });
  const knex = knexFactory({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 8 },
  });
  return {
    knex,
    async cleanup() {
      await knex.destroy();
      if (options.keep) console.log(`  kept database ${database}`);
      else {
        await pgAdmin(admin =>
          admin.raw('drop database if exists ??', [database]),
        );
      }
    },
  };
}
