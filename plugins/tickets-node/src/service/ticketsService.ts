import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { pluginFetch } from '@internal/plugin-court-node';
import { TicketsApi, TicketsClient } from '@internal/plugin-tickets-common';

/**
 * The service desk's API for other backend families (the knowledge base,
 * inspections, the scaffolder, and the families to come).
 */
export interface TicketsService {
  /**
   * The tickets API as `credentials` call it: a user's, so the desk applies
   * their permissions, or the calling plugin's own service credentials.
   */
  as(credentials: BackstageCredentials): TicketsApi;
}

/** The tickets API over HTTP, found through discovery, signed by `auth`. */
export function createTicketsService(deps: {
  auth: AuthService;
  discovery: { getBaseUrl(pluginId: string): Promise<string> };
}): TicketsService {
  const { auth, discovery } = deps;
  return {
    as: credentials =>
      new TicketsClient({
        discoveryApi: discovery,
        fetchApi: pluginFetch({
          auth,
          targetPluginId: 'tickets',
          onBehalfOf: credentials,
        }),
      }),
  };
}

/**
 * Depend on this to call the tickets API. The default factory uses the
 * plugin's discovery and auth services; tests may substitute a fake.
 */
export const ticketsServiceRef = createServiceRef<TicketsService>({
  id: 'courtops.tickets',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory: createTicketsService,
    }),
});
