import { engineerApprovalServiceRef } from '@internal/plugin-access-node';
import { dutyServiceRef } from '@internal/plugin-duty-node';
import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  LiveSlaEngine,
  officialCalendarServiceRef,
} from '@internal/plugin-calendar-node';
import { inspectionPermissions } from '@internal/plugin-inspections-common';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { readInspectionsConfig } from './config';
import { openInspectionStores } from './database/InspectionStores';
import { InspectionFiguresStore } from './database/InspectionFiguresStore';
import { InspectionFiguresService } from './service/InspectionFigures';
import { createRouter } from './router';
import { calendarDays } from './service/calendars';
import { DeviceDirectory } from './service/DeviceDirectory';
import { IncidentFiler, ticketsDesk } from './service/IncidentFiler';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { InspectionService } from './service/InspectionService';
import { GENERATOR, RoundGenerator } from './service/RoundGenerator';
import { readTemplateFiles, TemplateLibrary } from './service/TemplateLibrary';
import { UncoveredYearAlert } from './service/UncoveredYearAlert';

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
        approvals: engineerApprovalServiceRef,
        duty: dutyServiceRef,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        clock: courtClockServiceRef,
        officialCalendar: officialCalendarServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readInspectionsConfig(deps.config);
        // Config's years plus those entered in the portal, picked up without a restart.
        const live = new LiveSlaEngine(config.sla, deps.officialCalendar);
        const workingDays = calendarDays(() => live.current);
        const zone = live.current.calendars.get(config.calendar).zone;
        const stores = await openInspectionStores({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        const at = deps.clock.now().toUTC().toISO()!;
        const templates = await TemplateLibrary.load(
          await readTemplateFiles(TEMPLATES_DIR),
          stores.templates,
          at,
        );
        await stores.plans.seedPlans(config.plans, GENERATOR, at);
        deps.permissionsRegistry.addPermissions(inspectionPermissions);

        const inventory = new DeviceDirectory(deps.catalog, deps.auth);
        const generator = new RoundGenerator({
          stores,
          templates,
          inventory,
          workingDays,
          logger: deps.logger,
          catchUpDays: config.catchUpDays,
          clock: deps.clock,
          alert: new UncoveredYearAlert({
            rounds: stores.rounds,
            notifications: deps.notifications,
            recipients: config.notify,
            logger: deps.logger,
            clock: deps.clock,
          }),
          approvals: deps.approvals,
          duty: deps.duty,
          dutyPosts: config.dutyPosts,
        });
        const service = new InspectionService({
          stores,
          templates,
          inventory,
          generator,
          filer: new IncidentFiler({
            rounds: stores.rounds,
            desk: ticketsDesk(deps.auth, deps.tickets),
            logger: deps.logger,
            appBaseUrl: config.appBaseUrl,
          }),
          permissions: deps.permissions,
          register: config.register,
          workingDays,
          calendarId: config.calendar,
          zone,
          clock: deps.clock,
          approvals: deps.approvals,
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
            // Days a missing year held back are caught up once it is entered.
            await live.refresh();
            await generator.catchUp(service.today());
            await service.fileUnfiled();
          },
        });

        // Every request sees the schedules in effect (re-checked at most every 30 s).
        deps.httpRouter.use(async (_req, _res, next) => {
          await live.refresh();
          next();
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            figures: new InspectionFiguresService({
              coverage: stores.coverage,
              counts: new InspectionFiguresStore(
                await deps.database.getClient(),
              ),
              exists: ref => inventory.exists(ref),
              clock: deps.clock,
              zone,
            }),
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
