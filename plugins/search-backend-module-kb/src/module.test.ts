import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  searchEngineRegistryExtensionPoint,
  searchIndexRegistryExtensionPoint,
} from '@backstage/plugin-search-backend-node/alpha';
import { SearchEngine } from '@backstage/plugin-search-backend-node';
import { ChineseLunrSearchEngine } from './chinese/ChineseLunrSearchEngine';
import { ChinesePgSearchEngine } from './chinese/ChinesePgSearchEngine';
import { searchModuleKb } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** Starts the module under a stand-in search plugin; the engines it registered. */
async function enginesRegistered(databaseId: 'POSTGRES_15' | 'SQLITE_3') {
  const knex = await databases.init(databaseId);
  const engines: SearchEngine[] = [];
  const backend = await startTestBackend({
    features: [
      createBackendPlugin({
        pluginId: 'search',
        register(env) {
          env.registerExtensionPoint(searchEngineRegistryExtensionPoint, {
            setSearchEngine: engine => engines.push(engine),
          });
          env.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
            addCollator: () => {},
            addDecorator: () => {},
          });
          env.registerInit({ deps: {}, async init() {} });
        },
      }),
      searchModuleKb,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: databaseId === 'POSTGRES_15' ? 'pg' : 'better-sqlite3',
            },
          },
        },
      }),
    ],
  });
  await backend.stop();
  return engines;
}

describe('the kb search module', () => {
  it.each(databases.eachSupportedId())(
    'registers the one search engine with the kb analysis for the database on %p',
    async databaseId => {
      const engines = await enginesRegistered(
        databaseId as 'POSTGRES_15' | 'SQLITE_3',
      );
      expect(engines).toHaveLength(1);
      expect(engines[0]).toBeInstanceOf(
        databaseId === 'POSTGRES_15'
          ? ChinesePgSearchEngine
          : ChineseLunrSearchEngine,
      );
    },
  );
});
