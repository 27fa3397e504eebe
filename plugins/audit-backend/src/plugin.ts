import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { auditPermissions } from '@internal/plugin-audit-common';
import { auditSinkServiceRef } from '@internal/plugin-audit-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { readAuditConfig } from './config';
import { DatabaseAuditStore } from './database/DatabaseAuditStore';
import { createRouter } from './router';
import { AuditService } from './service/AuditService';
import { DailyCheck } from './service/DailyCheck';

/**
 * The audit trail the court can read (SEC-3): writes every plugin's auditor events from the
 * sink into its hash chain, verifies it daily, prunes past retention; /api/audit.
 */
export const auditPlugin = createBackendPlugin({
  pluginId: 'audit',
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
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        clock: courtClockServiceRef,
        sink: auditSinkServiceRef,
      },
      async init(deps) {
        const config = readAuditConfig(deps.config);
        const store = await DatabaseAuditStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(auditPermissions);
        // Events held since the backend began (other plugins' starts) are written from now on.
        deps.sink.attach(store);
        // Before the database closes: everything accepted gets written.
        deps.lifecycle.addShutdownHook(() => deps.sink.stop());
        const service = new AuditService({
          store,
          permissions: deps.permissions,
          clock: deps.clock,
          config,
          notifications: deps.notifications,
          logger: deps.logger,
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        const daily = new DailyCheck({
          service,
          clock: deps.clock,
          logger: deps.logger,
          at: config.dailyCheckAt,
          zone: config.zone,
        });
        deps.lifecycle.addStartupHook(() => daily.start());
        deps.lifecycle.addShutdownHook(() => daily.stop());
      },
    });
  },
});
