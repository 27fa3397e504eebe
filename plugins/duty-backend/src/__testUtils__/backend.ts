import {
  AuditorServiceEvent,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import type { JsonObject } from '@backstage/types';
import {
  engineerApprovalOf,
  engineerApprovalServiceRef,
} from '@internal/plugin-access-node';
import { officialCalendarServiceRef } from '@internal/plugin-calendar-node';
import {
  ManualCourtClock,
  courtClockFactory,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import dutyPlugin from '../index';
import {
  MAJOR_EVENT_CATALOG,
  MAJOR_EVENT_ROOMS,
} from '../majorEvents/__testUtils__/court';

/** The example court's resident engineers, plus an IT office member on the software post. */
export const TEAM = [
  { ref: 'user:default/lina', posts: ['desk'] },
  { ref: 'user:default/zhangwei', posts: ['desk', 'hardware'] },
  { ref: 'user:default/wangqiang', posts: ['hardware'] },
  { ref: 'user:default/liuyang', posts: ['software'] },
  { ref: 'user:default/chenjing', posts: ['software'] },
  { ref: 'user:default/it-engineer', posts: ['software'], phone: false },
];

export interface SentNotification {
  readonly recipients: readonly string[];
  readonly title: string;
}

export interface AuditRecord {
  readonly eventId: string;
  outcome?: 'success' | 'fail';
}

/** The duty plugin on the court's real policy at a named instant, recording what it sends. */
export async function startDutyBackend(options: {
  at: string;
  knex?: Knex;
  config?: JsonObject;
}) {
  const clock = new ManualCourtClock(options.at);
  // Those the court does not approve now (SEC-2); a test may add to it as it goes.
  const unapproved = new Set<string>();
  const sent: SentNotification[] = [];
  const audits: AuditRecord[] = [];
  const backend = await startCourtTestBackend({
    config: {
      app: { baseUrl: 'http://portal.court.example' },
      duty: { engineers: TEAM, ...options.config },
      courtOps: { locations: MAJOR_EVENT_ROOMS },
    },
    features: [
      dutyPlugin,
      catalogServiceMock.factory({ entities: MAJOR_EVENT_CATALOG }),
      courtClockFactory(clock),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send({ recipients, payload }) {
            sent.push({
              recipients:
                recipients.type === 'entity'
                  ? [recipients.entityRef].flat()
                  : [],
              title: payload.title,
            });
          },
        }),
      }),
      // No access backend: everyone is approved but those the test names.
      createServiceFactory({
        service: engineerApprovalServiceRef,
        deps: {},
        factory: () =>
          engineerApprovalOf(async ref =>
            unapproved.has(ref)
              ? {
                  assignable: false,
                  reason: 'suspended',
                  message: `${ref} is suspended`,
                }
              : { assignable: true },
          ),
      }),
      // No calendar backend: the package's official years only.
      createServiceFactory({
        service: officialCalendarServiceRef,
        deps: {},
        factory: () => ({
          enteredSchedules: async () => ({ revision: 0, schedules: [] }),
        }),
      }),
      createServiceFactory({
        service: coreServices.auditor,
        deps: {},
        factory: () => ({
          async createEvent(event: { eventId: string }) {
            const record: AuditRecord = { eventId: event.eventId };
            audits.push(record);
            const answer: AuditorServiceEvent = {
              async success() {
                record.outcome = 'success';
              },
              async fail() {
                record.outcome = 'fail';
              },
            };
            return answer;
          },
        }),
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
  return {
    server: backend.server as Server,
    clock,
    sent,
    audits,
    unapproved,
    stop: () => backend.stop(),
  };
}
