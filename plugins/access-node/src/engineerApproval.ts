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
  MAX_ASSIGNMENT_BATCH,
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
   * The same for several engineers (a team before a roster or a round), in
   * one call to the access plugin rather than one per engineer.
   */
  checkMany(
    userRefs: readonly string[],
  ): Promise<ReadonlyMap<string, AssignmentDecision>>;
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
    async checkMany(userRefs) {
      const refs = [...new Set(userRefs)];
      const decisions = new Map<string, AssignmentDecision>();
      for (let i = 0; i < refs.length; i += MAX_ASSIGNMENT_BATCH) {
        const batch = refs.slice(i, i + MAX_ASSIGNMENT_BATCH);
        const answered = await client.assignments(batch);
        for (const ref of batch) decisions.set(ref, answered[ref]);
      }
      return decisions;
    },
    requireAssignable: requiring(userRef => client.assignment(userRef)),
  };
}

function requiring(
  check: EngineerApprovalService['check'],
): EngineerApprovalService['requireAssignable'] {
  return async (userRef, field) => {
    const decision = await check(userRef);
    if (!decision.assignable) {
      throw new ConflictError(`${field}: ${decision.message}`);
    }
  };
}

/**
 * The whole service from a check of one engineer, asked once per engineer:
 * for fakes in tests of families that run without the access plugin.
 */
export function engineerApprovalOf(
  check: EngineerApprovalService['check'],
): EngineerApprovalService {
  return {
    check,
    async checkMany(userRefs) {
      const refs = [...new Set(userRefs)];
      const decisions = await Promise.all(refs.map(check));
      return new Map(refs.map((ref, i) => [ref, decisions[i]]));
    },
    requireAssignable: requiring(check),
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
