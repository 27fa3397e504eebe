import {
  coreServices,
  createServiceFactory,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { httpRouterServiceFactory } from '@backstage/backend-defaults/httpRouter';
import type { Handler } from 'express';

/** A route a plugin serves: `GET /api/tickets/tickets/:ref`. */
export interface Route {
  readonly pluginId: string;
  readonly method: string;
  /** The full path with express parameters, e.g. `/api/tickets/tickets/:ref`. */
  readonly path: string;
}

/** The parts of an express 4 router layer that tell its routes. */
interface Layer {
  route?: { path: string | RegExp; methods: Record<string, boolean> };
  handle?: Mountable;
  regexp: RegExp & { fast_slash?: boolean };
  keys: { name: string }[];
}

/** A router, or an express app (the scaffolder mounts one), as far as its layers go. */
interface Mountable {
  stack?: Layer[];
  _router?: { stack: Layer[] };
}

const stackOf = (handler: Mountable | undefined) =>
  handler?.stack ?? handler?._router?.stack;

/** The mount path of a nested router's layer, from express 4's compiled pattern. */
function mountPath(layer: Layer): string {
  if (layer.regexp.fast_slash) return '';
  let param = 0;
  const path = layer.regexp.source
    .replace(/^\^/, '')
    .replace(/\\\/\?\(\?=\\\/\|\$\)$/, '')
    .replace(
      /\(\?:\\\/\(\[\^\\\/\]\+\?\)\)/g,
      () => `/:${layer.keys[param++].name}`,
    )
    .replace(/\\\//g, '/');
  if (/[\\^$()[\]?*+]/.test(path)) {
    throw new Error(`Cannot read the mount path of ${layer.regexp.source}`);
  }
  return path;
}

function walk(stack: Layer[], prefix: string, found: Array<[string, string]>) {
  for (const layer of stack) {
    if (layer.route) {
      const path = layer.route.path;
      if (typeof path !== 'string') {
        throw new Error(
          `Route with a non-string path ${String(path)} under ${prefix}`,
        );
      }
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all')
          found.push([method.toUpperCase(), prefix + path]);
      }
    } else {
      const nested = stackOf(layer.handle);
      if (nested) walk(nested, prefix + mountPath(layer), found);
    }
  }
}

/**
 * The backend's own httpRouter service, recording what each plugin mounts so a test can list
 * every route the plugins serve (from their routers, not from a hand-kept list). Routes are read
 * when asked, after the backend has started.
 */
export function routeRecorder() {
  const mounted: Array<{ pluginId: string; handler: Handler }> = [];
  const factory = createServiceFactory({
    service: coreServices.httpRouter,
    deps: {
      plugin: coreServices.pluginMetadata,
      config: coreServices.rootConfig,
      lifecycle: coreServices.lifecycle,
      rootHttpRouter: coreServices.rootHttpRouter,
      auth: coreServices.auth,
      httpAuth: coreServices.httpAuth,
      logger: coreServices.logger,
    },
    async factory(deps) {
      // The default factory's function is not public API; the cast reaches it to wrap it.
      const inner = await (
        httpRouterServiceFactory as unknown as {
          factory(d: typeof deps): Promise<HttpRouterService>;
        }
      ).factory(deps);
      // Everything else (auth policies, web sockets) goes to the default service untouched.
      return Object.assign(Object.create(inner) as HttpRouterService, {
        use(handler: Handler) {
          mounted.push({ pluginId: deps.plugin.getId(), handler });
          inner.use(handler);
        },
      });
    },
  });
  const routes = (): Route[] =>
    mounted.flatMap(({ pluginId, handler }) => {
      const found: Array<[string, string]> = [];
      walk(stackOf(handler as unknown as Mountable) ?? [], '', found);
      return found.map(([method, path]) => ({
        pluginId,
        method,
        path: `/api/${pluginId}${path}`,
      }));
    });
  return { factory, routes };
}
