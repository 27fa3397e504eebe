/*
 * The portal's root HTTP router: Backstage's defaults plus what the production runtime needs.
 *
 * Graceful stop. On SIGTERM or SIGINT Backstage shuts plugins down, closes the databases and
 * closes the port last and concurrently with the databases, so a request in flight can lose its
 * database. Here the server drains first: from the signal on it refuses new work from users (503,
 * connection closed) while it answers the requests it has already received, including what those
 * cause on the same port (a ticket asks the catalog about its devices; the catalog fetches the
 * tickets plugin's signing keys to verify that call); once no request has come or gone for
 * `quietMs` it closes the port, and only then do
 * plugins and databases stop. The drain lasts at most
 * `drainMs`, and a hard limit ends the process if anything still hangs, so a stop always takes
 * less than 10 s.
 *
 * Error bodies name no internals. A 5xx that is not one of Backstage's own errors (whose messages
 * are written for callers) is answered as "An internal error occurred logId=…"; the log keeps the
 * error, its stack and the same logId. Stack traces in bodies are Backstage's development-only
 * feature already (NODE_ENV=development).
 */
import type { LoggerService, RootLifecycleService } from '@backstage/backend-plugin-api';
import {
  rootHttpRouterServiceFactory,
  type ExtendedHttpServer,
  type RootHttpRouterConfigureContext,
} from '@backstage/backend-defaults/rootHttpRouter';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
  NotImplementedError,
  ServiceUnavailableError,
  isError,
  toError,
} from '@backstage/errors';
import { tokenTypes } from '@backstage/plugin-auth-node';
import type { ErrorRequestHandler, Express, Request } from 'express';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';

export interface GracefulStopOptions {
  /** How long requests already received may take to be answered. */
  drainMs: number;
  /**
   * How long the server must have been without requests before the port closes: work that
   * follows a response (a ticket's notification is sent after the ticket is answered) still
   * reaches other plugins.
   */
  quietMs: number;
  /** When the process exits however far the stop got, counted from the signal. */
  hardLimitMs: number;
  /** Ends the process at the hard limit; replaced in tests. */
  exit(code: number): void;
}

export const defaultGracefulStop: GracefulStopOptions = {
  drainMs: 6_000,
  quietMs: 500,
  hardLimitMs: 9_000,
  exit: code => process.exit(code),
};

/** The statuses Backstage's error handler gives its own error types (MiddlewareFactory.error). */
const statusByErrorName: ReadonlyMap<string, number> = new Map([
  [NotModifiedError.name, 304],
  [InputError.name, 400],
  [AuthenticationError.name, 401],
  [NotAllowedError.name, 403],
  [NotFoundError.name, 404],
  [ConflictError.name, 409],
  [NotImplementedError.name, 501],
  [ServiceUnavailableError.name, 503],
]);

function statusOf(error: Error): number {
  for (const field of ['statusCode', 'status'] as const) {
    const value = (error as Error & Partial<Record<typeof field, unknown>>)[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) {
      return value;
    }
  }
  return statusByErrorName.get(error.name) ?? 500;
}

/**
 * Replaces an unexpected server error by a reference to the log before Backstage's error handler
 * answers: its message may hold file paths, SQL or configuration. Client errors (4xx) and
 * Backstage's own 501/503 pass unchanged.
 */
export function hideInternalErrors(logger: LoggerService): ErrorRequestHandler {
  return (rawError, _req, _res, next) => {
    const error = isError(rawError) ? rawError : toError(rawError);
    const status = statusOf(error);
    if (status < 500 || statusByErrorName.has(error.name)) {
      next(error);
      return;
    }
    const logId = randomBytes(10).toString('hex');
    logger.error(`Internal error logId=${logId}`, error);
    const hidden = new Error(`An internal error occurred logId=${logId}`);
    delete hidden.stack;
    next(hidden);
  };
}

/**
 * New work from a user: a request with a user's token. Everything else is served while the
 * server drains, because requests in flight cause it on the same port: calls between plugins
 * (plugin tokens) and the unauthenticated fetches of signing keys with which a plugin verifies
 * such a call (`/.backstage/auth/v1/jwks.json`), and static files are harmless.
 */
function fromUser(req: Request): boolean {
  const token = /^Bearer ([^.\s]+)\./i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return false;
  try {
    const header = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    // Only routes the request; the plugin it reaches still verifies the token.
    return header?.typ !== tokenTypes.plugin.typParam;
  } catch {
    return true; // not a token this backend issued: certainly not another plugin
  }
}

/**
 * Makes the server behind `app` stop gracefully when `lifecycle` begins to shut down: see the
 * file comment. Must be the first middleware of `app`.
 */
export function stopGracefully(
  app: Express,
  server: Server,
  { lifecycle, logger }: { lifecycle: RootLifecycleService; logger: LoggerService },
  options: GracefulStopOptions = defaultGracefulStop,
): void {
  let inFlight = 0;
  let lastActivity = 0;
  let draining = false;
  let refused = 0;

  app.use((req, res, next) => {
    if (draining) {
      // No keep-alive connection carries another request once the server is stopping.
      res.setHeader('connection', 'close');
      if (fromUser(req)) {
        refused += 1;
        res.setHeader('retry-after', '10');
        res.status(503).json({
          error: { name: 'ServiceUnavailableError', message: 'The portal is stopping' },
          request: { method: req.method, url: req.url },
          response: { statusCode: 503 },
        });
        return;
      }
    }
    inFlight += 1;
    lastActivity = Date.now();
    res.once('close', () => {
      inFlight -= 1;
      lastActivity = Date.now();
    });
    next();
  });

  let closed: Promise<void> | undefined;
  const closeListener = () => {
    closed ??= new Promise(resolve => server.close(() => resolve()));
    return closed;
  };

  lifecycle.addBeforeShutdownHook(async () => {
    const started = Date.now();
    draining = true;
    setTimeout(() => {
      logger.error(`Stop took longer than ${options.hardLimitMs} ms; exiting anyway`);
      options.exit(1);
    }, options.hardLimitMs).unref();

    // Idle keep-alive connections stay open while draining: closing one races a plugin's client
    // that is sending on it (ECONNRESET). Each answer from now on closes its connection instead.
    const received = inFlight;
    const busy = () => inFlight > 0 || Date.now() - lastActivity < options.quietMs;
    while (busy() && Date.now() - started < options.drainMs) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    void closeListener();
    server.closeIdleConnections();
    logger.info(
      `Drained in ${Date.now() - started} ms: ${received} requests were in flight, ${inFlight} still open; ${refused} new ones refused; port closed`,
    );
  });

  // Backstage stops the server once more after the plugins; by then it is closed already, and
  // a second close() would fail. What is left are connections still open past the drain.
  Object.assign(server as ExtendedHttpServer, {
    async stop() {
      const done = closeListener();
      server.closeAllConnections();
      await done;
    },
  });
}

/**
 * Prints the line people and packages/e2e wait for, once every plugin is up and the readiness
 * check answers 200 (the root lifecycle starts after Backstage logs "Plugin initialization
 * complete"). The backend prints it itself so that scripts/start.sh can hand the terminal to node
 * with nothing in between: a shell loop that relayed each log line to find this one read its pipe
 * a byte at a time, 0.1 ms of CPU a line, and the backend logs every request (docs/operations.md).
 */
export function announceReady(lifecycle: RootLifecycleService, baseUrl: string): void {
  lifecycle.addStartupHook(() => {
    process.stdout.write(`\n  Court Ops Portal is ready: ${baseUrl}\n\n`);
  });
}

/**
 * Backstage's default middleware order (`applyDefaults`), with the two additions above. Of the
 * defaults' settings only `backend.trustProxy` applies to this portal (behind the court's proxy);
 * it sets no `backend.server` timeouts.
 */
export function configureRootHttpRouter(context: RootHttpRouterConfigureContext): void {
  const { app, server, middleware, routes, healthRouter, logger, config } = context;
  // The router's lifecycle is the root lifecycle (a dependency of rootHttpRouterServiceFactory);
  // the context's type names only the plugin-level part of it.
  const lifecycle = context.lifecycle as RootLifecycleService;
  stopGracefully(app, server, { lifecycle, logger });
  announceReady(lifecycle, config.getString('app.baseUrl'));
  const trustProxy = config.getOptional('backend.trustProxy');
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use(middleware.helmet());
  app.use(middleware.cors());
  app.use(middleware.compression());
  app.use(middleware.logging());
  app.use(middleware.rateLimit());
  app.use(healthRouter);
  app.use(routes);
  app.use(middleware.notFound());
  app.use(hideInternalErrors(logger));
  app.use(middleware.error());
}

export const courtRootHttpRouter = rootHttpRouterServiceFactory({
  configure: configureRootHttpRouter,
});
