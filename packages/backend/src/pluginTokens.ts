import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  pluginTokenHandlerDecoratorServiceRef,
  type PluginTokenHandler,
} from '@backstage/backend-defaults/auth';
import { ExpiringEntries } from '@internal/plugin-court-node';

/** A token is handed out again only while it has at least this long to live. */
const REUSE_MARGIN_MS = 5 * 60_000;

/** Per plugin; a few dozen pairs and one entry per signed-in user and target in practice. */
const MAX_ENTRIES = 5_000;

type Verified = Awaited<ReturnType<PluginTokenHandler['verifyToken']>>;

/**
 * Backstage signs a new ES256 token for every call one plugin makes to another, and the
 * receiving plugin checks that signature on every call. A ticket's filing makes about ten such
 * calls (permissions, catalog, duty, notifications, paging; docs/operations.md), each paying a
 * signature and a verification. This keeps, per plugin, the token it issued for a target (and
 * for a user it acts for) while it is valid, and the tokens it has already verified until they
 * expire. Nothing revokes a plugin token before its expiry, so a token that verified once is
 * as good until then; a token that failed is never remembered.
 */
export function cachePluginTokens(
  inner: PluginTokenHandler,
  options: { now?: () => number; maxEntries?: number } = {},
): PluginTokenHandler {
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const issued = new ExpiringEntries<{ token: string }>(
    maxEntries,
    options.now,
  );
  const verified = new ExpiringEntries<Verified>(maxEntries, options.now);

  return {
    async issueToken(request) {
      const key = JSON.stringify([
        request.pluginId,
        request.targetPluginId,
        request.onBehalfOf?.limitedUserToken ?? null,
      ]);
      const cached = issued.get(key, REUSE_MARGIN_MS);
      if (cached) return cached;
      const result = await inner.issueToken(request);
      const expiresAtMs = expiryOf(result.token);
      if (expiresAtMs !== undefined) issued.set(key, result, expiresAtMs);
      return result;
    },

    async verifyToken(token) {
      const cached = verified.get(token);
      if (cached) return cached;
      const result = await inner.verifyToken(token);
      const expiresAtMs = expiryOf(token);
      // Only a plugin token that verified; anything else goes to the handler every time.
      if (result && expiresAtMs !== undefined) {
        verified.set(token, result, expiresAtMs);
      }
      return result;
    },
  };
}

/** A JWT's `exp` in epoch milliseconds, read without verifying; undefined when it has none. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return typeof payload?.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Every plugin's token handler with {@link cachePluginTokens} around Backstage's own. */
export const courtPluginTokenCache = createServiceFactory({
  service: pluginTokenHandlerDecoratorServiceRef,
  deps: {},
  factory: async () => (inner: PluginTokenHandler) => cachePluginTokens(inner),
});
