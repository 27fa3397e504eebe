import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import {
  ALERT_SOURCES,
  monitoringPermissions,
} from '@internal/plugin-monitoring-common';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { readMonitoringConfig } from './config';
import { DatabaseMonitoringStore } from './database/DatabaseMonitoringStore';
import { createRouter } from './router';
import { AlertsChanged, alertSignals } from './signals';
import { CatalogPlacer } from './service/CatalogPlacer';
import { HeartbeatWatch } from './service/HeartbeatWatch';
import { ticketsDesk } from './service/IncidentDesk';
import { IncidentFiler } from './service/IncidentFiler';
import { IntakeService } from './service/IntakeService';
import { stormNotification } from './service/stormNotification';

/**
 * The monitoring intake (MON-1, MON-2): Alertmanager, Zabbix and generic
 * webhooks become incidents without duplicates; /api/monitoring.
 */
export const monitoringPlugin = createBackendPlugin({
  pluginId: 'monitoring',
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
        notifications: notificationService,
        tickets: ticketsServiceRef,
        clock: courtClockServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const config = readMonitoringConfig(deps.config);
        const store = await DatabaseMonitoringStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(monitoringPermissions);
        const placer = new CatalogPlacer({
          catalog: deps.catalog,
          auth: deps.auth,
          clock: deps.clock,
          order: config.mapping.order,
          refreshMinutes: config.mapping.refreshMinutes,
        });
        const desk = ticketsDesk(deps.tickets);
        const changes = new AlertsChanged(deps);
        deps.lifecycle.addShutdownHook(() => changes.stop());
        const filer = new IncidentFiler({
          store,
          desk,
          clock: deps.clock,
          logger: deps.logger,
          config,
          credentials: () => deps.auth.getOwnServiceCredentials(),
          filed: alert => changes.changed(alert.source),
        });
        deps.lifecycle.addStartupHook(() => filer.start());
        deps.lifecycle.addShutdownHook(() => filer.stop());
        const service = new IntakeService({
          store,
          desk,
          place: alert => placer.place(alert),
          permissions: deps.permissions,
          config,
          clock: deps.clock,
          logger: deps.logger,
          queued: () => filer.poke(),
          stormFiled: storm =>
            deps.notifications.send(
              stormNotification(storm, config.deskRecipients),
            ),
        });
        // Before the receivers, so it sees their answers.
        deps.httpRouter.use(alertSignals(changes));
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            bodyLimitKb: 2048,
          }),
        );
        const heartbeats = ALERT_SOURCES.flatMap(source => {
          const minutes = config.sources[source].heartbeatMinutes;
          return minutes ? [{ source, minutes }] : [];
        });
        if (heartbeats.length > 0) {
          const watch = new HeartbeatWatch({
            store,
            clock: deps.clock,
            notifications: deps.notifications,
            logger: deps.logger,
            heartbeats,
            recipients: config.deskRecipients,
          });
          deps.lifecycle.addStartupHook(() => watch.start());
          deps.lifecycle.addShutdownHook(() => watch.stop());
        }
      },
    });
  },
});
