import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { engineerApprovalServiceRef } from '@internal/plugin-access-node';
import { officialCalendarServiceRef } from '@internal/plugin-calendar-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import {
  DUTY_CHANGED_TOPIC,
  dutyPermissions,
} from '@internal/plugin-duty-common';
import {
  OfficialSchedule,
  mergeOfficialYears,
} from '@internal/plugin-sla-common';
import { readDutyConfig } from './config';
import { DutyStore } from './database/DutyStore';
import { majorEventsOf } from './majorEvents/wiring';
import { createRouter } from './router';
import { DutyService } from './service/DutyService';

/**
 * Duty (DUTY-1, DUTY-2, SLA-3): monthly rosters of on-site and phone duty on the court's
 * calendar, swaps, leave with both approvals, attendance, who is on call now, personal
 * calendar feeds; /api/duty.
 */
export const dutyPlugin = createBackendPlugin({
  pluginId: 'duty',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        discovery: coreServices.discovery,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        events: eventsServiceRef,
        clock: courtClockServiceRef,
        officialCalendar: officialCalendarServiceRef,
        notifications: notificationService,
        approvals: engineerApprovalServiceRef,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readDutyConfig(deps.config);
        const store = await DutyStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(dutyPermissions);
        let official:
          | { revision: number; schedule: OfficialSchedule }
          | undefined;
        const service = new DutyService({
          store,
          permissions: deps.permissions,
          config,
          clock: deps.clock,
          // The package's years with those entered in the portal, rebuilt when they change.
          officialDays: async () => {
            const entered = await deps.officialCalendar.enteredSchedules();
            if (official?.revision !== entered.revision) {
              official = {
                revision: entered.revision,
                schedule: OfficialSchedule.fromChineseDays(
                  mergeOfficialYears([], entered.schedules),
                ),
              };
            }
            return official.schedule;
          },
          notifier: {
            async notify(recipients, message) {
              if (recipients.length === 0) return;
              await deps.notifications.send({
                recipients: { type: 'entity', entityRef: [...recipients] },
                payload: { ...message, topic: 'duty', severity: 'normal' },
              });
            },
          },
          externalBaseUrl: () => deps.discovery.getExternalBaseUrl('duty'),
          appBaseUrl: deps.config.getString('app.baseUrl'),
          approvedOf: async refs => {
            const decisions = await deps.approvals.checkMany(refs);
            return new Set(refs.filter(ref => decisions.get(ref)?.assignable));
          },
        });
        deps.httpRouter.addAuthPolicy({
          path: '/calendar',
          allow: 'unauthenticated',
        });
        const majorEvents = await majorEventsOf({
          ...deps,
          rootConfig: deps.config,
          duty: config,
          service,
        });
        deps.lifecycle.addStartupHook(() => majorEvents.waker.start());
        deps.lifecycle.addShutdownHook(() => majorEvents.waker.stop());
        deps.httpRouter.use(
          await createRouter({
            service,
            majorEvents: majorEvents.service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            changed: () => {
              deps.events
                .publish({ topic: DUTY_CHANGED_TOPIC, eventPayload: {} })
                .catch(error =>
                  deps.logger.warn(
                    `could not announce a duty change: ${error}`,
                  ),
                );
            },
          }),
        );
      },
    });
  },
});
