import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  searchEngineRegistryExtensionPoint,
  searchIndexRegistryExtensionPoint,
} from '@backstage/plugin-search-backend-node/alpha';
import { readConfigAt } from '@internal/plugin-court-node';
import {
  SearchAnalyzer,
  searchAnalysisConfigSchema,
} from '@internal/plugin-kb-node';
import { ChineseLunrSearchEngine } from './chinese/ChineseLunrSearchEngine';
import { ChinesePgSearchEngine } from './chinese/ChinesePgSearchEngine';
import { ChineseTermsDecoratorFactory } from './chinese/ChineseTermsDecoratorFactory';
import { KbArticleCollatorFactory } from './collator/KbArticleCollatorFactory';

/** New and changed articles reach Backstage search within this. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
};

/**
 * Knowledge articles in Backstage search, with their visibility, and
 * the knowledge base's analysis (Chinese words, synonyms, folding) for
 * every document type: on PostgreSQL through search-backend-module-pg's
 * engine, elsewhere (the embedded default's SQLite) through Lunr's, each
 * registered here with a query translator that understands Chinese queries.
 */
export const searchModuleKb = createBackendModule({
  pluginId: 'search',
  moduleId: 'kb',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
        engineRegistry: searchEngineRegistryExtensionPoint,
      },
      async init(deps) {
        const { config, indexRegistry } = deps;
        // The kb backend reads the same synonyms: both search boxes agree.
        const analyzer = new SearchAnalyzer(
          readConfigAt(
            config,
            'kb.search',
            searchAnalysisConfigSchema,
          ).synonyms,
        );
        const onPostgres = /^(pg|postgres)/.test(
          config.getOptionalString('backend.database.client') ?? '',
        );
        deps.engineRegistry.setSearchEngine(
          onPostgres
            ? await ChinesePgSearchEngine.fromConfig(config, {
                database: deps.database,
                logger: deps.logger,
                analyzer,
              })
            : new ChineseLunrSearchEngine({ logger: deps.logger, analyzer }),
        );
        indexRegistry.addDecorator({
          factory: new ChineseTermsDecoratorFactory(
            onPostgres ? 'han' : 'digits',
            analyzer,
          ),
        });

        const scheduleConfig = config.getOptionalConfig(
          'search.collators.kb.schedule',
        );
        const schedule = scheduleConfig
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
          : DEFAULT_SCHEDULE;
        indexRegistry.addCollator({
          schedule: deps.scheduler.createScheduledTaskRunner({
            ...schedule,
            // Lunr's index lives in this process and is gone after a restart:
            // collate after each start (local), not when the shared schedule
            // says (global, right for PostgreSQL's shared index).
            scope: schedule.scope ?? (onPostgres ? 'global' : 'local'),
          }),
          factory: new KbArticleCollatorFactory({
            auth: deps.auth,
            discovery: deps.discovery,
          }),
        });
      },
    });
  },
});
