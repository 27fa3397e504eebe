import { DatabaseManager } from '@backstage/backend-defaults/database';
import {
  coreServices,
  createServiceFactory,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { keepPreparedStatements } from './sqliteStatements';

type Client = Awaited<ReturnType<DatabaseService['getClient']>>;

/** The SQLite clients set up by this process: file in WAL mode, prepared statements kept. */
const setUp = new WeakSet<Client>();

/**
 * Backstage's database service, with every plugin's SQLite file in WAL mode, Backstage's own
 * plugins' (catalog, notifications, scaffolder ...) as well as the court's stores, which set it
 * themselves. In the default rollback-journal mode a commit writes and syncs the journal and
 * then the file; in WAL mode it appends to one log and syncs that once, and readers go on while
 * a writer commits. The mode is stored in the file, so it is set when a plugin first asks for
 * its client. Each SQLite connection also keeps the statements it prepared (sqliteStatements.ts).
 * PostgreSQL clients are passed through untouched. docs/operations.md gives the settings and the
 * figures.
 */
export const courtDatabaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: {
    config: coreServices.rootConfig,
    lifecycle: coreServices.lifecycle,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
    rootLifecycle: coreServices.rootLifecycle,
    rootLogger: coreServices.rootLogger,
  },
  async createRootContext({ config, rootLifecycle, rootLogger }) {
    // As Backstage's own factory: an in-memory SQLite database when none is configured.
    return DatabaseManager.fromConfig(
      config.getOptional('backend.database')
        ? config
        : new ConfigReader({
            backend: {
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
          }),
      { rootLifecycle, rootLogger },
    );
  },
  async factory({ pluginMetadata, lifecycle, logger }, databaseManager) {
    const database = databaseManager.forPlugin(pluginMetadata.getId(), {
      lifecycle,
      logger,
    });
    return {
      ...database,
      async getClient() {
        const client = await database.getClient();
        if (
          client.client.config.client === 'better-sqlite3' &&
          !setUp.has(client)
        ) {
          setUp.add(client);
          keepPreparedStatements(client);
          await client.raw('PRAGMA journal_mode = WAL');
        }
        return client;
      },
    };
  },
});
