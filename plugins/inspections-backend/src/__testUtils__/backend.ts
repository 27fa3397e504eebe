import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { engineerApprovalServiceRef } from '@internal/plugin-access-node';
import {
  CourtClock,
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import {
  mergeConfig,
  startCourtTestBackend,
} from '@internal/plugin-court-node/testUtils';
import express from 'express';
import Router from 'express-promise-router';
import type { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import inspectionsPlugin from '../index';
import { approveEveryone, courtEntities, locations, plans } from './fixtures';

/** What the fake service desk received: one entry per POST /tickets. */
export interface FakeDeskLog {
  readonly posts: { body: Record<string, unknown>; caller: string }[];
  readonly tickets: Map<string, string>;
}

/**
 * A stand-in tickets backend at /api/tickets: files an incident per
 * sourceRef (201), returns the same one for a repeated sourceRef (200), as
 * the real one does; only other plugins may call it here.
 */
export function fakeTicketsPlugin(log: FakeDeskLog) {
  return createBackendPlugin({
    pluginId: 'tickets',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.use(express.json());
          router.post('/tickets', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            log.posts.push({
              body: req.body,
              caller: credentials.principal.subject,
            });
            const key = String(req.body.sourceRef);
            const created = !log.tickets.has(key);
            if (created) {
              log.tickets.set(
                key,
                `INC-2026-${String(log.tickets.size + 1).padStart(5, '0')}`,
              );
            }
            res
              .status(created ? 201 : 200)
              .json({ number: log.tickets.get(key), ...req.body });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

export interface InspectionsBackend {
  readonly server: Server;
  stop(): Promise<void>;
}

/**
 * The inspections plugin in a test backend with the example court's catalog
 * and plans, the court's real role policy, and the given tickets backend (a fake by
 * default).
 */
export async function startInspectionsBackend(
  options: {
    knex?: Knex;
    desk?: FakeDeskLog;
    /** The court clock; by default 09:00 on Tuesday 2026-03-03, a working day. */
    clock?: CourtClock;
    /** Other features, e.g. the real tickets plugin and its services. */
    features?: Parameters<typeof startTestBackend>[0]['features'];
    /** Config laid over the example court's (e.g. `duty`, `inspections.dutyPosts`). */
    config?: JsonObject;
  } = {},
): Promise<InspectionsBackend> {
  const backend = await startCourtTestBackend({
    config: mergeConfig(
      {
        app: { baseUrl: 'http://localhost:7007' },
        courtOps: { assetTagPrefix: 'YX', locations },
        inspections: { plans },
      },
      options.config ?? {},
    ),
    features: [
      inspectionsPlugin,
      ...(options.features ?? [
        fakeTicketsPlugin(options.desk ?? { posts: [], tickets: new Map() }),
      ]),
      catalogServiceMock.factory({ entities: courtEntities }),
      // Every engineer approved (tickets' assignment asks it too); the check itself: RoundGenerator.test.ts.
      createServiceFactory({
        service: engineerApprovalServiceRef,
        deps: {},
        factory: () => approveEveryone,
      }),
      courtClockFactory(
        options.clock ?? new ManualCourtClock('2026-03-03T09:00:00+08:00'),
      ),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

export { as } from '@internal/plugin-court-node/testUtils';
