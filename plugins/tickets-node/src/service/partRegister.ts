import {
  AuthService,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { pluginFetch } from '@internal/plugin-court-node';
import { z } from 'zod';

/** A stocked part type as the desk names it on a paused ticket. */
export interface RegisteredPart {
  readonly id: string;
  readonly name: string;
}

/**
 * The spares register as the service desk reads it, to check the part a
 * ticket pauses for. The desk depends on this narrow read, not on the spares
 * packages: spares already depends on the desk (tickets-node) to put parts on
 * tickets and to find the tickets waiting for a receipt.
 */
export interface PartRegisterService {
  /**
   * The stocked part type with this id; undefined when the register has no
   * such part, or when no spares plugin keeps a register in this portal.
   */
  partType(id: string): Promise<RegisteredPart | undefined>;
}

const registerAnswer = z.array(
  z.object({ id: z.string(), name: z.string() }).loose(),
);

/**
 * Reads `GET /part-types` of the spares plugin over HTTP with the desk's own
 * credentials (which part exists is the register's fact, not the user's right).
 * @throws Error when the register answers neither the list nor 404
 */
export function createPartRegisterService(deps: {
  auth: AuthService;
  discovery: { getBaseUrl(pluginId: string): Promise<string> };
}): PartRegisterService {
  const { fetch } = pluginFetch({
    auth: deps.auth,
    targetPluginId: 'spares',
    onBehalfOf: () => deps.auth.getOwnServiceCredentials(),
  });
  return {
    async partType(id) {
      const base = await deps.discovery.getBaseUrl('spares');
      const response = await fetch(`${base}/part-types`);
      // No spares plugin installed: no part is stocked.
      if (response.status === 404) return undefined;
      if (!response.ok) {
        throw new Error(
          `the spares register answered ${response.status} ${response.statusText}`,
        );
      }
      const found = registerAnswer
        .parse(await response.json())
        .find(part => part.id === id);
      return found && { id: found.id, name: found.name };
    },
  };
}

/**
 * Depend on this to check a part type id against the spares register. The
 * default factory calls the spares plugin; tests may substitute a fake.
 */
export const partRegisterServiceRef = createServiceRef<PartRegisterService>({
  id: 'courtops.tickets.part-register',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory: createPartRegisterService,
    }),
});
