import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { archivePermissions } from '@internal/plugin-archive-common';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { readArchiveConfig } from './config';
import { DatabaseArchiveStore } from './database/DatabaseArchiveStore';
import { Filer } from './filing/Filer';
import { HttpFilingSources } from './filing/sources';
import { createRouter } from './router';
import { DraftService, reportFiguresOverHttp } from './drafts';
import {
  StoreDraftArchive,
  StoreVolumeArchive,
  StoreVolumeSources,
} from './service/adapters';
import { ArchiveService } from './service/ArchiveService';
import { VolumeService } from './volume';

/**
 * The document archive (DOC-1..3): documents in five classes with gapless
 * numbers, immutable file versions in the database, filing by itself,
 * search, the quarterly volume and the DOC-3 drafts; /api/archive.
 */
export const archivePlugin = createBackendPlugin({
  pluginId: 'archive',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        clock: courtClockServiceRef,
      },
      async init(deps) {
        const config = readArchiveConfig(deps.config);
        const store = await DatabaseArchiveStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(archivePermissions);
        const families = new HttpFilingSources(deps);
        const service = new ArchiveService({
          store,
          permissions: deps.permissions,
          config,
          clock: deps.clock,
          volumes: new VolumeService({
            sources: new StoreVolumeSources(store, families),
            archive: new StoreVolumeArchive(store, deps.clock),
            clock: deps.clock,
            zone: config.zone,
            cover: config,
          }),
          drafts: new DraftService({
            archive: new StoreDraftArchive(store, deps.clock),
            reports: reportFiguresOverHttp(deps),
            clock: deps.clock,
            zone: config.zone,
            court: config.court,
            contractor: config.contractor,
          }),
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            maxFileMb: config.maxFileMb,
          }),
        );
        if (config.filing.enabled) {
          const filer = new Filer({
            service,
            sources: families,
            clock: deps.clock,
            auth: deps.auth,
            auditor: deps.auditor,
            logger: deps.logger,
            config,
          });
          // After start: the sources answer only once every plugin is up.
          deps.lifecycle.addStartupHook(() => filer.start());
          deps.lifecycle.addShutdownHook(() => filer.stop());
        }
      },
    });
  },
});
