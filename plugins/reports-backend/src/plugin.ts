import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  LiveSlaEngine,
  officialCalendarServiceRef,
} from '@internal/plugin-calendar-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { reportsPermissions } from '@internal/plugin-reports-common';
import { readReportsConfig } from './config';
import { DatabaseReportStore } from './database/DatabaseReportStore';
import { createRouter } from './router';
import { DraftSchedule } from './service/DraftSchedule';
import { figureSourcesServiceRef } from './service/FigureSources';
import { renderReportFiles } from './files';
import { ReportService } from './service/ReportService';

/**
 * Service reports (服务报告): figures composed from the families for any period and scope,
 * issued as frozen snapshots with Word and Excel files, acknowledged by the court IT office,
 * drafted weekly and monthly; /api/reports.
 */
export const reportsPlugin = createBackendPlugin({
  pluginId: 'reports',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        clock: courtClockServiceRef,
        officialCalendar: officialCalendarServiceRef,
        notifications: notificationService,
        sources: figureSourcesServiceRef,
      },
      async init(deps) {
        const config = readReportsConfig(deps.config);
        const store = await DatabaseReportStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(reportsPermissions);
        const service = new ReportService({
          store,
          sources: deps.sources,
          permissions: deps.permissions,
          catalog: deps.catalog,
          auth: deps.auth,
          clock: deps.clock,
          render: renderReportFiles,
          zone: config.zone,
          court: config.court,
        });
        if (config.drafts.enabled) {
          // Config's years plus those entered in the portal, for the first working day.
          const live = new LiveSlaEngine(config.sla, deps.officialCalendar);
          const drafts = new DraftSchedule({
            clock: deps.clock,
            zone: config.zone,
            schedule: async () => (await live.refresh()).officialSchedule,
            prepare: (kind, period) => service.prepareDraft(kind, period),
            notifications: deps.notifications,
            recipients: config.drafts.notify,
            logger: deps.logger,
          });
          deps.lifecycle.addStartupHook(() => drafts.start());
          deps.lifecycle.addShutdownHook(() => drafts.stop());
        }
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
