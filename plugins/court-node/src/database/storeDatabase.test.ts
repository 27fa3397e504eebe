import { TestDatabases } from '@backstage/backend-test-utils';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { isSqlite, prepareStoreDatabase } from './storeDatabase';

jest.setTimeout(60_000);

/** A family's one migration, in a folder of its own. */
function migrationsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'court-migrations-'));
  writeFileSync(
    join(dir, '20260101000000_init.js'),
    `exports.up = knex => knex.schema.createTable('rounds', t => { t.string('id').primary(); });
exports.down = knex => knex.schema.dropTable('rounds');`,
  );
  return dir;
}

describe('prepareStoreDatabase', () => {
  let folders: string[] = [];
  afterEach(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    folders = [];
  });

  it('puts a SQLite file in WAL mode and applies the family’s migrations', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'court-store-'));
    const migrationsDir = migrationsFolder();
    folders.push(dataDir, migrationsDir);
    const db: Knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dataDir, 'store.sqlite') },
      useNullAsDefault: true,
    });
    try {
      expect(isSqlite(db)).toBe(true);
      await prepareStoreDatabase(db, { migrationsDir });
      expect(await db.raw('PRAGMA journal_mode')).toEqual([
        { journal_mode: 'wal' },
      ]);
      expect(await db('rounds').select()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'leaves the schema alone when told to skip migrations, on %s',
    async databaseId => {
      const migrationsDir = migrationsFolder();
      folders.push(migrationsDir);
      const db = await databases.init(databaseId);
      expect(isSqlite(db)).toBe(databaseId === 'SQLITE_3');
      await prepareStoreDatabase(db, { migrationsDir, skipMigrations: true });
      expect(await db.schema.hasTable('rounds')).toBe(false);
      await prepareStoreDatabase(db, { migrationsDir });
      expect(await db.schema.hasTable('rounds')).toBe(true);
    },
  );
});
