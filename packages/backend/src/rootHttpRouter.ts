/*
 * The portal's root HTTP router: Backstage's defaults plus what the production runtime needs.
 *
 * Graceful stop. On SIGTERM or SIGINT Backstage shuts plugins down, closes the databases and
 * closes the port last and concurrently with the databases, so a request in flight can lose its
 * database and a new one can still connect. Here the port closes first: the server stops
 * accepting connections, answers every request it has received (for at most `drainMs`), and only
 * then do plugins and databases stop. A hard limit ends the process if anything still hangs, so
 * a stop always takes less than 10 s.
 *
 * Error bodies name no internals. A 5xx that is not one of Backstage's own errors (whose messages
 * are written for callers) is answered as "An internal error occurred logId=…"; the log keeps the
 * error, its stack and the same logId. Stack traces in bodies are Backstage's development-only
 * feature already (NODE_ENV=development).
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
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
import type { ErrorRequestHandler } from 'express';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';

export interface GracefulStopOptions {
  /** How long requests already received may take to be answered. */
  drainMs: number;
  /** When the process exits however far the stop got, counted from the signal. */
  hardLimitMs: number;
  /** Ends the process at the hard limit; replaced in tests. */
  exit(code: number): void;
}

export const defaultGracefulStop: GracefulStopOptions = {
  drainMs: 6_000,
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
 * Makes `server` stop gracefully when `lifecycle` begins to shut down: see the file comment.
 * Returns how many requests are being answered, for tests.
 */
export function stopGracefully(
  server: Server,
  { lifecycle, logger }: Pick<RootHttpRouterConfigureContext, 'lifecycle' | 'logger'>,
  options: GracefulStopOptions = defaultGracefulStop,
): { inFlight(): number } {
  let inFlight = 0;
  let draining = false;
  const idle = new Set<() => void>();
  server.on('request', (_req, res) => {
    inFlight += 1;
    // A keep-alive connection must not carry another request once the server is stopping.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of idle) resolve();
    });
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

    void closeListener();
    server.closeIdleConnections();
    const received = inFlight;
    if (inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>(resolve => idle.add(resolve)),
        new Promise<void>(resolve => {
          timer = setTimeout(resolve, options.drainMs);
        }),
      ]);
      clearTimeout(timer);
    }
    logger.info(
      `Stopped accepting connections; answered ${received - inFlight} of ${received} requests in flight in ${Date.now() - started} ms`,
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
  return { inFlight: () => inFlight };
}

/**
 * Backstage's default middleware order (`applyDefaults`), with the two additions above. Of the
 * defaults' settings only `backend.trustProxy` applies to this portal (behind the court's proxy);
 * it sets no `backend.server` timeouts.
 */
export function configureRootHttpRouter(context: RootHttpRouterConfigureContext): void {
  const { app, server, middleware, routes, healthRouter, logger, config } = context;
  stopGracefully(server, context);
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
