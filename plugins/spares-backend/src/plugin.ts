import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { sparesPermissions } from '@internal/plugin-spares-common';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { readSparesConfig } from './config';
import { SparesStore } from './database/SparesStore';
import { createRouter } from './router';
import { OverdueWatch } from './service/OverdueWatch';
import { SparesFiguresService } from './service/SparesFigures';
import { SparesService } from './service/SparesService';
import { TicketLink } from './service/TicketLink';

/**
 * Spare parts and third-party repairs (issue #20): part types, stock per
 * location, movements against tickets and changes, repairs at vendors, the
 * overdue watch, the monthly stock report and the figures; /api/spares.
 */
export const sparesPlugin = createBackendPlugin({
  pluginId: 'spares',
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
      },
      async init(deps) {
        const config = readSparesConfig(deps.config);
        const store = await SparesStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(sparesPermissions);
        await seed(store, config, deps.clock.now().toUTC().toISO()!);
        const service = new SparesService({
          store,
          permissions: deps.permissions,
          catalog: deps.catalog,
          auth: deps.auth,
          tickets: new TicketLink({
            tickets: deps.tickets,
            logger: deps.logger,
            auth: deps.auth,
          }),
          notifications: deps.notifications,
          clock: deps.clock,
          zone: config.zone,
          notify: config.notify,
          logger: deps.logger,
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            figures: new SparesFiguresService({
              store,
              clock: deps.clock,
              zone: config.zone,
            }),
            store,
            zone: config.zone,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        const watch = new OverdueWatch({
          store,
          notifications: deps.notifications,
          recipients: config.notify.overdue,
          clock: deps.clock,
          zone: config.zone,
          hour: config.overdueCheckHour,
          logger: deps.logger,
        });
        deps.lifecycle.addStartupHook(() => watch.start());
        deps.lifecycle.addShutdownHook(() => watch.stop());
      },
    });
  },
});

/** The configured register entries that are not stored yet; the API's edits win afterwards. */
async function seed(
  store: SparesStore,
  config: ReturnType<typeof readSparesConfig>,
  at: string,
) {
  const [partTypes, locations, vendors] = await Promise.all([
    store.listPartTypes(),
    store.listLocations(),
    store.listVendors(),
  ]);
  const has = (list: readonly { id: string }[], id: string) =>
    list.some(item => item.id === id);
  for (const partType of config.partTypes) {
    if (!has(partTypes, partType.id)) await store.savePartType(partType, at);
  }
  for (const location of config.locations) {
    if (!has(locations, location.id)) await store.saveLocation(location);
  }
  for (const vendor of config.vendors) {
    if (!has(vendors, vendor.id)) await store.saveVendor(vendor);
  }
}
