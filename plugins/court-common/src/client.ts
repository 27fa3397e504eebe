import { ResponseError } from '@backstage/errors';

/**
 * What a court family's API client needs; structural so both the frontend's
 * and the backend's discovery fit.
 */
export interface CourtClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** The browser's fetchApi adds the user's token; a backend passes its own. */
  fetchApi?: { fetch: typeof fetch };
}

/** One call to a family's API: JSON in and out. */
export type CourtRequest = <T>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<T>;

/**
 * Calls to `/api/<pluginId>`: an error answer is thrown as a
 * `ResponseError` carrying the server's error body; 204 gives `undefined`.
 */
export function courtRequest(
  pluginId: string,
  options: CourtClientOptions,
): CourtRequest {
  return async <T>(method: string, path: string, body?: unknown) => {
    const baseUrl = await options.discoveryApi.getBaseUrl(pluginId);
    const doFetch = options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // No content has no JSON to parse.
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };
}

/** `?a=1&b=x&b=y` from a query object; lists repeat their key, absent values are left out. */
export function queryOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
