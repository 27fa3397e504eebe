import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { courtDatabaseServiceFactory } from './database';

/** A plugin that, like Backstage's own, opens its database and reports the file's journal mode. */
function journalReporter(pluginId: string, seen: Map<string, string>) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          const client = await database.getClient();
          // Asked twice, as plugins do: the same client, still in WAL mode.
          await database.getClient();
          const [row] = await client.raw('PRAGMA journal_mode');
          seen.set(pluginId, row.journal_mode);
        },
      });
    },
  });
}

describe('courtDatabaseServiceFactory', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'court-db-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const start = (
    ...features: NonNullable<Parameters<typeof startTestBackend>[0]['features']>
  ) =>
    startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: { client: 'better-sqlite3', connection: { directory } },
            },
          },
        }),
        ...features,
      ],
    });

  it("puts every plugin's SQLite file in WAL mode, and the file keeps it", async () => {
    const seen = new Map<string, string>();
    await (
      await start(
        courtDatabaseServiceFactory,
        journalReporter('notifications', seen),
        journalReporter('catalog', seen),
      )
    ).stop();
    expect(Object.fromEntries(seen)).toEqual({
      notifications: 'wal',
      catalog: 'wal',
    });

    // Opened again by Backstage's own factory (as the backup script opens it): still WAL.
    const again = new Map<string, string>();
    await (await start(journalReporter('notifications', again))).stop();
    expect(again.get('notifications')).toBe('wal');
  });

  it("is what changes the mode: Backstage's own factory leaves a new file in rollback-journal mode", async () => {
    const seen = new Map<string, string>();
    await (await start(journalReporter('notifications', seen))).stop();
    expect(seen.get('notifications')).toBe('delete');
  });
});
