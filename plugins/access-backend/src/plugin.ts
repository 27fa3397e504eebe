import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { accessPermissions } from '@internal/plugin-access-common';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { readAccessConfig } from './config';
import { AccessStore } from './database/AccessStore';
import { createRouter } from './router';
import { AccessService } from './service/AccessService';

/**
 * Confidential access (SEC-1) and engineer approval (SEC-2): grants to
 * devices for a ticket, approved by the court IT office, live by the court
 * clock, their uses; engineers' records; /api/access.
 */
export const accessPlugin = createBackendPlugin({
  pluginId: 'access',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        clock: courtClockServiceRef,
        auth: coreServices.auth,
        tickets: ticketsServiceRef,
      },
      async init(deps) {
        const config = readAccessConfig(deps.config);
        const store = await AccessStore.create({
          database: deps.database,
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.permissionsRegistry.addPermissions(accessPermissions);
        const service = new AccessService({
          store,
          permissions: deps.permissions,
          userInfo: deps.userInfo,
          catalog: deps.catalog,
          clock: deps.clock,
          config,
          tickets: async () =>
            deps.tickets.as(await deps.auth.getOwnServiceCredentials()),
        });
        await service.seed('plugin:access');
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
