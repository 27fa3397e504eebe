import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { inspectionPermissions } from '@internal/plugin-inspections-common';
import { SlaEngine } from '@internal/plugin-sla-common';
import { readInspectionsConfig } from './config';
import { DatabaseInspectionStore } from './database/DatabaseInspectionStore';
import { createRouter } from './router';
import { calendarDays } from './service/calendars';
import { DeviceDirectory } from './service/DeviceDirectory';
import { IncidentFiler, ticketsDesk } from './service/IncidentFiler';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { InspectionService } from './service/InspectionService';
import { GENERATOR, RoundGenerator } from './service/RoundGenerator';
import { readTemplateFiles, TemplateLibrary } from './service/TemplateLibrary';

/** The checklist templates shipped with the plugin. */
export const TEMPLATES_DIR = resolvePackagePath(
  '@internal/plugin-inspections-backend',
  'templates',
);

/**
 * Inspections (巡检): checklist templates, plans, the daily round generator,
 * results with incidents for failures, coverage, asset labels; /api/inspections.
 */
export const inspectionsPlugin = createBackendPlugin({
  pluginId: 'inspections',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        tickets: ticketsServiceRef,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readInspectionsConfig(deps.config);
        const engine = new SlaEngine(config.sla);
        const workingDays = calendarDays(engine);
        const zone = engine.calendars.get(config.calendar).zone;
        const store = await DatabaseInspectionStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        const at = new Date().toISOString();
        const templates = await TemplateLibrary.load(
          await readTemplateFiles(TEMPLATES_DIR),
          store,
          at,
        );
        await store.seedPlans(config.plans, GENERATOR, at);
        deps.permissionsRegistry.addPermissions(inspectionPermissions);

        const inventory = new DeviceDirectory(deps.catalog, deps.auth);
        const generator = new RoundGenerator({
          store,
          templates,
          inventory,
          workingDays,
          logger: deps.logger,
          catchUpDays: config.catchUpDays,
          now: () => new Date(),
        });
        const service = new InspectionService({
          store,
          templates,
          inventory,
          generator,
          filer: new IncidentFiler({
            store,
            desk: ticketsDesk(deps.auth, deps.tickets),
            logger: deps.logger,
            appBaseUrl: config.appBaseUrl,
          }),
          permissions: deps.permissions,
          register: config.register,
          workingDays,
          calendarId: config.calendar,
          zone,
        });

        // Global scope: one replica runs it at a time (a lock in the shared
        // database); the unique keys make a second run harmless anyway.
        await deps.scheduler.scheduleTask({
          id: 'inspections-generate-rounds',
          scope: 'global',
          frequency: { minutes: config.generation.frequencyMinutes },
          initialDelay: { seconds: config.generation.initialDelaySeconds },
          timeout: { minutes: 10 },
          fn: async () => {
            await generator.catchUp(service.today());
            await service.fileUnfiled();
          },
        });

        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            register: config.register,
            appBaseUrl: config.appBaseUrl,
          }),
        );
      },
    });
  },
});
