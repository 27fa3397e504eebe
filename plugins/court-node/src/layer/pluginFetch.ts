import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * A `fetchApi` for an API client of another court family: every request
 * carries a token for `targetPluginId` on behalf of the given credentials
 * (the user who asked, or the calling plugin's own), so the called family
 * applies its permissions to the real caller.
 */
export function pluginFetch(options: {
  auth: AuthService;
  targetPluginId: string;
  /** The caller's credentials, or a way to get them per request (e.g. the plugin's own). */
  onBehalfOf: BackstageCredentials | (() => Promise<BackstageCredentials>);
}): { fetch: typeof fetch } {
  const { auth, targetPluginId, onBehalfOf } = options;
  return {
    async fetch(input, init) {
      // Asked per request: the auth service caches tokens and renews them.
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf:
          typeof onBehalfOf === 'function' ? await onBehalfOf() : onBehalfOf,
        targetPluginId,
      });
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      // Plugin to plugin stays on this machine or its network: gzip would cost both ends CPU
      // (a month's ticket figures are a megabyte of JSON) and save nothing worth it.
      if (!headers.has('accept-encoding')) {
        headers.set('accept-encoding', 'identity');
      }
      return fetch(input, { ...init, headers });
    },
  };
}
