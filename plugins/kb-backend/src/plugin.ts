import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { kbPermissions } from '@internal/plugin-kb-common';
import { readKbConfig } from './config';
import { DatabaseKbStore } from './database/DatabaseKbStore';
import { KbFiguresStore } from './database/KbFiguresStore';
import {
  kbArticlePermissionResourceRef,
  kbArticlePermissionRules,
  SearchAnalyzer,
} from '@internal/plugin-kb-node';
import { createRouter } from './router';
import { ArticleAccess } from './service/ArticleAccess';
import { CatalogRefs } from './service/CatalogRefs';
import { ExampleArticles } from './service/ExampleArticles';
import { KbService } from './service/KbService';
import { RunbookFiles } from './service/RunbookFiles';
import { TicketGateway } from './service/TicketGateway';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';

/**
 * The knowledge base backend: versioned articles, Chinese and English
 * search, runbook files kept in step, and the REST API at /api/kb.
 */
export const kbPlugin = createBackendPlugin({
  pluginId: 'kb',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        tickets: ticketsServiceRef,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        clock: courtClockServiceRef,
      },
      async init(deps) {
        const config = readKbConfig(deps.config);
        const store = await DatabaseKbStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
          analyzer: new SearchAnalyzer(config.search.synonyms),
        });
        // An index built by another analysis (older code, other synonyms)
        // is rebuilt before the plugin serves.
        const reindexed = await store.reindexIfAnalysisChanged();
        if (reindexed > 0) {
          deps.logger.info(
            `Rebuilt the search index of ${reindexed} articles for the current analysis`,
          );
        }
        deps.permissionsRegistry.addResourceType({
          resourceRef: kbArticlePermissionResourceRef,
          permissions: kbPermissions,
          rules: Object.values(kbArticlePermissionRules),
          getResources: ids =>
            store
              .getMany(ids)
              .then(found =>
                ids.map(id => found.find(a => a.id === id.toUpperCase())),
              ),
        });
        deps.permissionsRegistry.addPermissions(kbPermissions);

        const { runbooks } = config;
        const service = new KbService({
          store,
          access: new ArticleAccess(deps.permissions, deps.permissionsRegistry),
          catalog: new CatalogRefs(deps.catalog),
          tickets: new TicketGateway(deps.tickets),
          clock: deps.clock,
          sourceUrl: runbooks.sourceUrl
            ? path =>
                `${runbooks.sourceUrl!.replace(/\/$/, '')}/${path.slice(
                  runbooks.displayDirectory.length + 1,
                )}`
            : undefined,
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            figures: {
              store: new KbFiguresStore(await deps.database.getClient()),
              permissions: deps.permissions,
              clock: deps.clock,
              zone: config.zone,
            },
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );

        if (config.seedExamples) {
          await new ExampleArticles({
            store,
            directory: resolvePackagePath(
              '@internal/plugin-kb-backend',
              'seed',
            ),
            owner: runbooks.owner,
            logger: deps.logger,
            clock: deps.clock,
          }).seedOnce();
        }
        const files = new RunbookFiles({
          store,
          ...runbooks,
          logger: deps.logger,
          clock: deps.clock,
        });
        /** A sync that changed articles is audited: no user did it, the files did. */
        const sync = async () => {
          const { added, updated, removed } = await files.sync();
          if (added.length + updated.length + removed.length === 0) return;
          const event = await deps.auditor.createEvent({
            eventId: 'kb-runbook-sync',
            severityLevel: 'low',
            meta: { added, updated, removed },
          });
          await event.success();
        };
        // Loaded before the plugin serves, then kept in step by one replica
        // at a time; the first scheduled run waits a period, as this one ran.
        await sync();
        await deps.scheduler.scheduleTask({
          id: 'kb-runbook-sync',
          scope: 'global',
          frequency: { seconds: runbooks.syncSeconds },
          initialDelay: { seconds: runbooks.syncSeconds },
          timeout: { minutes: 2 },
          fn: sync,
        });
      },
    });
  },
});
