import {
  AuditorServiceEvent,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  ManualCourtClock,
  courtClockFactory,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import express from 'express';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import archivePlugin from '../index';

/** An audit event as the archive reported it, with its outcome. */
export interface AuditRecord {
  readonly eventId: string;
  readonly meta?: JsonObject;
  outcome?: 'success' | 'fail';
}

export interface ArchiveBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  readonly audits: AuditRecord[];
  stop(): Promise<void>;
}

/** An auditor that keeps what the archive reports. */
function recordingAuditor(audits: AuditRecord[]) {
  return createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: () => ({
      async createEvent(options: { eventId: string; meta?: JsonObject }) {
        const record: AuditRecord = {
          eventId: options.eventId,
          meta: options.meta,
        };
        audits.push(record);
        const event: AuditorServiceEvent = {
          async success() {
            record.outcome = 'success';
          },
          async fail() {
            record.outcome = 'fail';
          },
        };
        return event;
      },
    }),
  });
}

/** A stand-in for another family's backend: its routes under /api/<pluginId>. */
export function fakeFamily(pluginId: string, router: express.Router) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use(router);
        },
      });
    },
  });
}

/**
 * The archive plugin on the court's real policy, at a named instant, with the
 * fake families it files from (none: filing off).
 */
export async function startArchiveBackend(
  options: {
    knex?: Knex;
    config?: JsonObject;
    at?: string;
    families?: ReturnType<typeof fakeFamily>[];
    /** Filing by itself; on by default when there are families to file from. */
    filing?: boolean;
  } = {},
): Promise<ArchiveBackend> {
  const audits: AuditRecord[] = [];
  const clock = new ManualCourtClock(options.at ?? '2026-12-05T10:00:00+08:00');
  const backend = await startCourtTestBackend({
    config: {
      archive: {
        maxFileMb: 0.05,
        filing: { enabled: options.filing ?? Boolean(options.families) },
      },
      ...options.config,
    },
    features: [
      archivePlugin,
      courtClockFactory(clock),
      recordingAuditor(audits),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.families ?? []),
    ],
  });
  return {
    server: backend.server,
    clock,
    audits,
    stop: () => backend.stop(),
  };
}
