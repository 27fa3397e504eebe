import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import type { JsonObject } from '@backstage/types';
import {
  AuditSink,
  auditSinkServiceRef,
  courtAuditorServiceFactory,
} from '@internal/plugin-audit-node';
import {
  courtClockFactory,
  courtClockServiceRef,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import auditPlugin from '../index';

export interface AuditBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  readonly notifications: NotificationSendOptions[];
  /** Resolves once every event accepted so far is in the database. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

type Features = Parameters<typeof startCourtTestBackend>[0]['features'];

/**
 * The audit plugin with the court's auditor installed for every plugin of the test backend (as
 * packages/backend does), on the court's real policy, at a named instant.
 */
export async function startAuditBackend(
  options: {
    knex?: Knex;
    at?: string;
    config?: JsonObject;
    features?: Features;
  } = {},
): Promise<AuditBackend> {
  const clock = new ManualCourtClock(options.at ?? '2026-03-03T10:00:00+08:00');
  const notifications: NotificationSendOptions[] = [];
  let sink: AuditSink | undefined;
  const backend = await startCourtTestBackend({
    config: options.config,
    features: [
      auditPlugin,
      courtAuditorServiceFactory,
      courtClockFactory(clock),
      // The default sink, kept at hand so a test can wait until it has written.
      createServiceFactory({
        service: auditSinkServiceRef,
        deps: {
          clock: courtClockServiceRef,
          logger: coreServices.rootLogger,
        },
        factory({ clock: courtClock, logger }) {
          sink = new AuditSink({
            capacity: 1_000,
            batchSize: 50,
            clock: courtClock,
            logger,
          });
          return sink;
        },
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (sent: NotificationSendOptions) => {
            notifications.push(sent);
          },
        }),
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    server: backend.server,
    clock,
    notifications,
    drained: () => sink!.drained(),
    stop: () => backend.stop(),
  };
}
