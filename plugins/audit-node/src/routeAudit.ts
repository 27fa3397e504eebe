import {
  AuditorService,
  coreServices,
  createBackendModule,
  HttpRouterService,
} from '@backstage/backend-plugin-api';

type Handler = Parameters<HttpRouterService['use']>[0];

/** A mutating route whose plugin writes no auditor event of its own, and the action its row names. */
interface UnauditedRoute {
  readonly method: string;
  /** Matched against the path inside the plugin (`/settings`). */
  readonly path: RegExp;
  readonly eventId: string;
  /** What the row says about the call, from the path's groups. */
  readonly meta?: (groups: string[]) => Record<string, string>;
}

/** The actions registry every plugin with actions serves (Backstage's; it audits no invocation). */
const ACTION_INVOCATION: UnauditedRoute = {
  method: 'POST',
  path: /^\/\.backstage\/actions\/v[12]\/actions\/([^/]+)\/invoke\/?$/,
  eventId: 'action-invoke',
  meta: ([actionId]) => ({ actionId: decodeURIComponent(actionId) }),
};

/**
 * Backstage's own routes that change something (or ask an outside system) without an auditor
 * event, by plugin id. Checked by the audit completeness test, which fails for a mutating route
 * that leaves no row.
 */
export const UNAUDITED_ROUTES: Readonly<
  Record<string, readonly UnauditedRoute[]>
> = {
  // Notifications plugins send, and a user's own notification settings and read/saved marks.
  notifications: [
    ACTION_INVOCATION,
    {
      method: 'POST',
      path: /^(\/notifications)?\/?$/,
      eventId: 'notification-send',
    },
    {
      method: 'POST',
      path: /^\/settings\/?$/,
      eventId: 'notification-settings-update',
    },
    {
      method: 'POST',
      path: /^(\/notifications)?\/update\/?$/,
      eventId: 'notification-update',
    },
  ],
  // A user's own settings (the language, the theme, starred entities).
  'user-settings': [
    {
      method: 'PUT',
      path: /^\/buckets\/([^/]+)\/keys\/(.+)$/,
      eventId: 'user-setting-update',
      meta: ([bucket, key]) => ({
        bucket: decodeURIComponent(bucket),
        key: decodeURIComponent(key),
      }),
    },
    {
      method: 'DELETE',
      path: /^\/buckets\/([^/]+)\/keys\/(.+)$/,
      eventId: 'user-setting-delete',
      meta: ([bucket, key]) => ({
        bucket: decodeURIComponent(bucket),
        key: decodeURIComponent(key),
      }),
    },
  ],
  catalog: [ACTION_INVOCATION],
  search: [ACTION_INVOCATION],
  scaffolder: [
    ACTION_INVOCATION,
    // Completions read from the source-control provider with the caller's token.
    {
      method: 'POST',
      path: /^\/v2\/autocomplete\/([^/]+)\/([^/]+)\/?$/,
      eventId: 'autocomplete',
      meta: ([provider, resource]) => ({ provider, resource }),
    },
  ],
};

/**
 * Middleware in front of a plugin's router: one auditor event for each call of one of `routes`,
 * succeeded when the answer is below 400, failed otherwise (or when the connection closed first).
 */
export function auditRoutes(
  routes: readonly UnauditedRoute[],
  auditor: AuditorService,
): Handler {
  return (req, res, next) => {
    const route = routes.find(
      r => r.method === req.method && r.path.test(req.path),
    );
    if (!route) {
      next();
      return;
    }
    const groups = route.path.exec(req.path)!.slice(1);
    const meta = route.meta?.(groups) ?? {};
    auditor
      .createEvent({
        eventId: route.eventId,
        severityLevel: 'medium',
        request: req,
        meta,
      })
      .then(event => {
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          const done =
            res.writableFinished && res.statusCode < 400
              ? event.success({ meta })
              : event.fail({
                  meta,
                  error: new Error(`answered ${res.statusCode}`),
                });
          // The auditor logs what it cannot store; nothing here can answer the caller any more.
          done.catch(() => {});
        };
        res.once('finish', end);
        res.once('close', end);
        next();
      }, next);
  };
}

/** The module that puts {@link auditRoutes} in front of one plugin's routes. */
export function routeAuditModule(pluginId: string) {
  return createBackendModule({
    pluginId,
    moduleId: 'court-route-audit',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          auditor: coreServices.auditor,
        },
        // Modules start before their plugin: the middleware is mounted ahead of its routes.
        async init({ httpRouter, auditor }) {
          httpRouter.use(auditRoutes(UNAUDITED_ROUTES[pluginId], auditor));
        },
      });
    },
  });
}

/** One {@link routeAuditModule} per plugin of {@link UNAUDITED_ROUTES}. */
export const routeAuditModules =
  Object.keys(UNAUDITED_ROUTES).map(routeAuditModule);
