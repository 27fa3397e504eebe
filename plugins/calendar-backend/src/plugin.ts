import { courtClockServiceRef } from '@internal/plugin-court-node';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { calendarPermissions } from '@internal/plugin-calendar-common';
import { readCalendarConfig } from './config';
import { DatabaseCalendarStore } from './database/DatabaseCalendarStore';
import { createRouter } from './router';
import { CalendarService } from './service/CalendarService';
import { MissingYearWarning } from './service/MissingYearWarning';

/**
 * The official calendar (法定节假日安排): years entered in the portal,
 * where each covered year comes from, and the warning before one is missing;
 * /api/calendar.
 */
export const calendarPlugin = createBackendPlugin({
  pluginId: 'calendar',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
        clock: courtClockServiceRef,
      },
      async init(deps) {
        const config = readCalendarConfig(deps.config);
        const store = await DatabaseCalendarStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(calendarPermissions);
        const now = () => deps.clock.now().toJSDate();
        const service = new CalendarService({
          store,
          permissions: deps.permissions,
          config,
          now,
        });
        const warning = new MissingYearWarning({
          service,
          store,
          notifications: deps.notifications,
          logger: deps.logger,
          recipients: config.notify,
          now,
        });
        await deps.scheduler.scheduleTask({
          id: 'calendar-missing-year-warning',
          scope: 'global',
          frequency: { minutes: config.checkMinutes },
          initialDelay: { seconds: 30 },
          timeout: { minutes: 2 },
          fn: async () => {
            await warning.check();
          },
        });
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
