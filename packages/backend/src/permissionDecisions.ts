import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { ExpiringEntries } from '@internal/plugin-court-node';

/** Per plugin: the signed-in users' sessions times the permissions they use, in practice. */
const MAX_ENTRIES = 10_000;

type Evaluate = 'authorize' | 'authorizeConditional';

/**
 * Backstage's permission client asks the permission backend over HTTP for every decision, and
 * the permission backend asks the auth backend over HTTP for the user's ownership (user tokens
 * do not carry it). Filing a ticket asks twice for the same decision (before reading the input,
 * then in the service), and a queue page asks on every load.
 *
 * The court's policy decides from the user and the ownership recorded at their sign-in, by the
 * role table and `courtOps.roles`, read at start: for one user token the answer is the same until
 * it expires, and a changed group membership reaches a user with their next token, as it does
 * without this cache. So a decision about a permission as such (no resource named) is kept per
 * user token until that token expires. A denial is never kept: it goes to the policy every time,
 * which audits each one. Decisions about a named resource, and service callers (whom the client
 * answers itself), pass straight through.
 */
export function cachePermissionDecisions(
  inner: PermissionsService,
  options: { now?: () => number; maxEntries?: number } = {},
): PermissionsService {
  const decisions = new ExpiringEntries<unknown>(
    options.maxEntries ?? MAX_ENTRIES,
    options.now,
  );

  /** The token's key, or undefined when its decisions are not kept. */
  const sessionOf = (credentials: BackstageCredentials) => {
    const { principal, expiresAt } = credentials as BackstageCredentials<{
      type?: string;
      userEntityRef?: string;
    }>;
    // Credentials rebuilt from JSON (the scaffolder's, for a task's initiator) carry the expiry
    // as a string, whatever the type says.
    const expiresAtMs = expiresAt ? new Date(expiresAt).getTime() : NaN;
    if (
      principal.type !== 'user' ||
      !principal.userEntityRef ||
      !Number.isFinite(expiresAtMs)
    ) {
      return undefined;
    }
    // The user and their token's expiry stand for the token, which is not public.
    return { key: `${principal.userEntityRef}@${expiresAtMs}`, expiresAtMs };
  };

  async function evaluate<
    Q extends { permission: { name: string }; resourceRef?: string },
    R extends { result: AuthorizeResult },
  >(
    method: Evaluate,
    queries: Q[],
    credentials: BackstageCredentials,
    ask: () => Promise<R[]>,
  ): Promise<R[]> {
    const session = sessionOf(credentials);
    if (!session || queries.some(q => q.resourceRef !== undefined)) {
      return ask();
    }
    const keys = queries.map(
      q => `${method}\u0000${session.key}\u0000${q.permission.name}`,
    );
    const kept = keys.map(key => decisions.get(key) as R | undefined);
    if (kept.every(decision => decision !== undefined)) return kept as R[];
    const answers = await ask();
    answers.forEach((decision, i) => {
      if (decision.result !== AuthorizeResult.DENY) {
        decisions.set(keys[i], decision, session.expiresAtMs);
      }
    });
    return answers;
  }

  return {
    authorize: (requests, requestOptions) =>
      evaluate('authorize', requests, requestOptions.credentials, () =>
        inner.authorize(requests, requestOptions),
      ),
    authorizeConditional: (queries, requestOptions) =>
      evaluate(
        'authorizeConditional',
        queries,
        requestOptions.credentials,
        () => inner.authorizeConditional(queries, requestOptions),
      ),
  };
}

/** Backstage's permissions service for every plugin, with {@link cachePermissionDecisions}. */
export const courtPermissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
  },
  async factory({ auth, config, discovery }) {
    return cachePermissionDecisions(
      ServerPermissionClient.fromConfig(config, { auth, discovery }),
    );
  },
});
