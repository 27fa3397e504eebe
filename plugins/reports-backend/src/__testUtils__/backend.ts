import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { officialCalendarServiceRef } from '@internal/plugin-calendar-node';
import {
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import reportsPlugin from '../index';
import { figureSourcesServiceRef } from '../service/FigureSources';
import { ENTITIES, FixtureFigureSources } from './fixtures';

export interface ReportsBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  readonly sources: FixtureFigureSources;
  readonly notifications: NotificationSendOptions[];
  /** Audit events with their outcome, in the order they ended. */
  readonly audits: Audit[];
  stop(): Promise<void>;
}

export interface Audit {
  readonly eventId: string;
  readonly outcome: 'success' | 'fail';
  readonly meta: unknown;
}

/**
 * The reports plugin on the court's real role policy, with the fixture's figure sources, the
 * example catalog's systems, the official calendar's package data (no year entered in the
 * portal) and a court clock standing at `now` (by default 10:00 on Tuesday 2026-12-08).
 */
export async function startReportsBackend(
  options: {
    knex?: Knex;
    now?: string;
    config?: JsonObject;
  } = {},
): Promise<ReportsBackend> {
  const clock = new ManualCourtClock(
    options.now ?? '2026-12-08T10:00:00+08:00',
  );
  const sources = new FixtureFigureSources();
  const notifications: NotificationSendOptions[] = [];
  const audits: Audit[] = [];
  const backend = await startCourtTestBackend({
    config: {
      reports: {
        court: { name: '云溪市中级人民法院', contractor: '驻场运维' },
      },
      ...options.config,
    },
    features: [
      reportsPlugin,
      catalogServiceMock.factory({ entities: ENTITIES }),
      courtClockFactory(clock),
      createServiceFactory({
        service: figureSourcesServiceRef,
        deps: {},
        factory: () => sources,
      }),
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
        factory: () =>
          mockServices.auditor.mock({
            createEvent: async ({ eventId }) => ({
              success: async ended => {
                audits.push({
                  eventId,
                  outcome: 'success',
                  meta: ended?.meta,
                });
              },
              fail: async ended => {
                audits.push({ eventId, outcome: 'fail', meta: ended.meta });
              },
            }),
          }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (sent: NotificationSendOptions) => {
            notifications.push(sent);
          },
        }),
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
  return {
    server: backend.server,
    clock,
    sources,
    notifications,
    audits,
    stop: () => backend.stop(),
  };
}

export { as } from '@internal/plugin-court-node/testUtils';
