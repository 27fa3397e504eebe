import { createServiceFactory } from '@backstage/backend-plugin-api';
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
import { ReportRenderer, reportRendererServiceRef } from '../service/renderer';
import { ENTITIES, fakeRenderer, FixtureFigureSources } from './fixtures';

export interface ReportsBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  readonly sources: FixtureFigureSources;
  readonly notifications: NotificationSendOptions[];
  stop(): Promise<void>;
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
    render?: ReportRenderer;
  } = {},
): Promise<ReportsBackend> {
  const clock = new ManualCourtClock(
    options.now ?? '2026-12-08T10:00:00+08:00',
  );
  const sources = new FixtureFigureSources();
  const notifications: NotificationSendOptions[] = [];
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
        service: reportRendererServiceRef,
        deps: {},
        factory: () => options.render ?? fakeRenderer,
      }),
      createServiceFactory({
        service: officialCalendarServiceRef,
        deps: {},
        factory: () => ({
          enteredSchedules: async () => ({ revision: 0, schedules: [] }),
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
    stop: () => backend.stop(),
  };
}

export { as } from '@internal/plugin-court-node/testUtils';
