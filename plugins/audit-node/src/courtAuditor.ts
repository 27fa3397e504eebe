import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuditorServiceEvent,
  AuthService,
  coreServices,
  createServiceFactory,
  createServiceRef,
  HttpAuthService,
  LoggerService,
  PluginMetadataService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { z } from 'zod';
import { AuditSink, OpenAuditEvent } from './AuditSink';
import { readAuditQueueConfig } from './config';
import { LoggedAuditorEvent, recordOf } from './records';

/**
 * The one audit sink of the backend (root-scoped): every plugin's auditor hands it its events,
 * the audit plugin attaches its store as the writer.
 */
export const auditSinkServiceRef = createServiceRef<AuditSink>({
  id: 'courtops.audit.sink',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
        clock: courtClockServiceRef,
      },
      factory({ config, logger, lifecycle, clock }) {
        const sink = new AuditSink({
          ...readAuditQueueConfig(config),
          clock,
          logger: logger.child({ service: 'audit-sink' }),
        });
        lifecycle.addStartupHook(() => sink.started());
        return sink;
      },
    }),
});

const logLevel = z.enum(['debug', 'info', 'warn', 'error']);
/** Backstage's `backend.auditor.severityLogLevelMappings`, with its defaults. */
const severityLevels = z
  .strictObject({
    low: logLevel.default('debug'),
    medium: logLevel.default('info'),
    high: logLevel.default('info'),
    critical: logLevel.default('info'),
  })
  .prefault({});

type LogLevels = z.output<typeof severityLevels>;

function readLogLevels(config: RootConfigService): LogLevels {
  const result = severityLevels.safeParse(
    config.getOptional('backend.auditor.severityLogLevelMappings') ?? {},
  );
  if (!result.success) {
    throw new Error(
      `Invalid configuration at backend.auditor.severityLogLevelMappings: ${result.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}

/**
 * Backstage's default auditor (the same log line per event, at the configured level) that also
 * hands each event to the audit sink: one stored row per event, written when it succeeds or fails.
 */
export class CourtAuditorService implements AuditorService {
  constructor(
    private readonly deps: {
      auth: AuthService;
      httpAuth: HttpAuthService;
      plugin: PluginMetadataService;
      logger: LoggerService;
      levels: LogLevels;
      sink: AuditSink;
    },
  ) {}

  createEvent(
    options: AuditorServiceCreateEventOptions,
  ): Promise<AuditorServiceEvent> {
    const { sink, logger, levels } = this.deps;
    let open: OpenAuditEvent | undefined;
    // One default auditor per event, so its log function knows which event it continues.
    const auditor = DefaultAuditorService.create(async logged => {
      const event = logged as unknown as LoggedAuditorEvent;
      const message = `${event.plugin}.${event.eventId}`;
      const level = levels[event.severityLevel];
      if ('error' in logged) {
        const { error, ...rest } = logged;
        logger
          .child(rest as Parameters<LoggerService['child']>[0])
          [level](message, error as Error);
      } else {
        // The default auditor logs the event itself as the line's fields.
        logger[level](message, logged as unknown as Record<string, never>);
      }
      const row = recordOf(event, sink.now());
      if (event.status === 'initiated') {
        open = await sink.begin(row);
      } else if (open) {
        open.close(row);
      } else {
        await sink.accept(row);
      }
    }, this.deps);
    return auditor.createEvent(options);
  }
}

/** Replaces `coreServices.auditor`: the default's log lines, and every event stored by the audit plugin. */
export const courtAuditorServiceFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    plugin: coreServices.pluginMetadata,
    sink: auditSinkServiceRef,
  },
  createRootContext({ config }) {
    return readLogLevels(config);
  },
  factory({ logger, auth, httpAuth, plugin, sink }, levels) {
    return new CourtAuditorService({
      auth,
      httpAuth,
      plugin,
      levels,
      sink,
      logger: logger.child({ isAuditEvent: true }),
    });
  },
});
