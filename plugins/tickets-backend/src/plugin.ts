import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { SlaEngine } from '@internal/plugin-sla-common';
import { ticketPermissions } from '@internal/plugin-tickets-common';
import {
  ticketPermissionResourceRef,
  ticketPermissionRules,
} from '@internal/plugin-tickets-node';
import { readTicketsConfig } from './config';
import { DatabaseTicketStore } from './database/DatabaseTicketStore';
import { createRouter } from './router';
import { BreachWatch } from './service/BreachWatch';
import { CatalogEntities } from './service/CatalogEntities';
import { TicketAccess } from './service/TicketAccess';
import { TicketNotifier } from './service/TicketNotifier';
import { TicketService } from './service/TicketService';
import { TicketSla } from './service/TicketSla';

/**
 * The service desk backend: tickets with an append-only log, SLA clocks
 * from the SLA engine, the breach watch, and the REST API at /api/tickets.
 */
export const ticketsPlugin = createBackendPlugin({
  pluginId: 'tickets',
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
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const config = readTicketsConfig(deps.config);
        const store = await DatabaseTicketStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addResourceType({
          resourceRef: ticketPermissionResourceRef,
          permissions: ticketPermissions,
          rules: Object.values(ticketPermissionRules),
          getResources: ids =>
            store
              .getMany(ids)
              .then(found => ids.map(id => found.find(t => t.id === id))),
        });
        deps.permissionsRegistry.addPermissions(ticketPermissions);

        const sla = new TicketSla(
          new SlaEngine(config.sla),
          config.atRiskShare,
          deps.logger,
        );
        const notifier = new TicketNotifier(
          deps.notifications,
          deps.signals,
          {
            newTicketRecipients: config.notify.newTicket,
            serviceManagers: config.notify.serviceManagers,
          },
          deps.logger,
        );
        const watch = new BreachWatch({
          store,
          sla,
          notifier,
          logger: deps.logger,
          maxSleepMs: config.breachWatch.maxSleepSeconds * 1000,
        });
        const service = new TicketService({
          store,
          sla,
          access: new TicketAccess(deps.permissions, deps.permissionsRegistry),
          catalog: new CatalogEntities(deps.catalog),
          zone: config.zone,
          listener: {
            ticketChanged(ticket, projection, change) {
              notifier.changed(ticket);
              watch.poke(projection.nextWakeUpAt);
              if (change.kind === 'created') {
                notifier.created(ticket);
                notifier.assigned(ticket);
              }
            },
          },
        });

        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        deps.lifecycle.addStartupHook(() => watch.start());
        deps.lifecycle.addShutdownHook(() => watch.stop());
      },
    });
  },
});
