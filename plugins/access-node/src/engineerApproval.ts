import {
  AuthService,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  AccessClient,
  AssignmentDecision,
} from '@internal/plugin-access-common';
import { pluginFetch } from '@internal/plugin-court-node';

/**
 * The one check every family makes before it assigns an engineer a ticket,
 * a round, a change or a shift (SEC-2): approved by the court IT office,
 * confidentiality agreement signed, not suspended. A person with no record
 * is not assignable.
 */
export interface EngineerApprovalService {
  /** Whether `userRef` may be assigned work now, and if not why. */
  check(userRef: string): Promise<AssignmentDecision>;
  /**
   * @param field the request field, for the message (`body.assignee`)
   * @throws ConflictError (409) naming the field and the reason
   */
  requireAssignable(userRef: string, field: string): Promise<void>;
}

/** Asks the access plugin over HTTP with the calling plugin's own credentials. */
export function createEngineerApprovalService(deps: {
  auth: AuthService;
  discovery: { getBaseUrl(pluginId: string): Promise<string> };
}): EngineerApprovalService {
  const client = new AccessClient({
    discoveryApi: deps.discovery,
    fetchApi: pluginFetch({
      auth: deps.auth,
      targetPluginId: 'access',
      // The check is the family's rule, not the user's right to read records.
      onBehalfOf: () => deps.auth.getOwnServiceCredentials(),
    }),
  });
  return {
    check: userRef => client.assignment(userRef),
    async requireAssignable(userRef, field) {
      const decision = await client.assignment(userRef);
      if (!decision.assignable) {
        throw new ConflictError(`${field}: ${decision.message}`);
      }
    },
  };
}

/**
 * Depend on this to check an engineer before assigning them. The default
 * factory calls the access plugin; tests may substitute a fake.
 */
export const engineerApprovalServiceRef =
  createServiceRef<EngineerApprovalService>({
    id: 'courtops.access.engineer-approval',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          auth: coreServices.auth,
          discovery: coreServices.discovery,
        },
        factory: createEngineerApprovalService,
      }),
  });
