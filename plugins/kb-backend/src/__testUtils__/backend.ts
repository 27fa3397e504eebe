import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { courtClockFactory, ManualCourtClock } from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import express from 'express';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import kbPlugin from '../index';

const entity = (kind: string, name: string, spec: JsonObject = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec: { owner: 'onsite-team', ...spec },
});

/** The example court in miniature: three systems, a device on each, people. */
export const courtEntities = [
  entity('System', 'network'),
  entity('System', 'courtroom-trial'),
  entity('System', 'office-automation'),
  entity('Resource', 'core-switch-01', { type: 'core-switch', system: 'network' }),
  entity('Resource', 'courtroom-recorder-t01', {
    type: 'courtroom-recorder',
    system: 'courtroom-trial',
  }),
  entity('Resource', 'printer-01', { type: 'printer', system: 'office-automation' }),
  entity('Group', 'onsite-team', { type: 'team', children: [] }),
  ...['xuli', 'mahui', 'lina', 'wangqiang', 'huangjun'].map(name =>
    entity('User', name),
  ),
];

export const SWITCH = 'resource:default/core-switch-01';
export const RECORDER = 'resource:default/courtroom-recorder-t01';
export const PRINTER = 'resource:default/printer-01';
export const NETWORK = 'system:default/network';
export const OFFICE = 'system:default/office-automation';

/** A call the knowledge base made to the service desk, and as whom. */
export interface TicketCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly caller: string;
}

/**
 * A stand-in for the service desk's API: serves the tickets it is given by
 * number and records every call with the user it was made for.
 */
function fakeTicketsPlugin(tickets: Map<string, TicketDetail>, calls: TicketCall[]) {
  return createBackendPlugin({
    pluginId: 'tickets',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter, httpAuth: coreServices.httpAuth },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.use(express.json());
          const record = async (req: express.Request) => {
            const credentials = await httpAuth.credentials(req, { allow: ['user'] });
            calls.push({
              method: req.method,
              path: req.path,
              body: req.body,
              caller: credentials.principal.userEntityRef,
            });
          };
          router.get('/tickets/:ref', async (req, res) => {
            await record(req);
            const detail = tickets.get(req.params.ref);
            if (detail) res.json(detail);
            else res.status(404).json({ error: { name: 'NotFoundError', message: 'no ticket' } });
          });
          router.post('/tickets/:ref/links', async (req, res) => {
            await record(req);
            res.status(201).json({});
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

export interface KbBackend {
  readonly server: Server;
  /** Tickets the fake service desk serves, by number. */
  readonly tickets: Map<string, TicketDetail>;
  readonly ticketCalls: TicketCall[];
  stop(): Promise<void>;
}

/**
 * The kb plugin in a test backend, with the example catalog, the court's
 * real role policy and a fake service desk.
 * @param options.knex a TestDatabases database; default in-memory SQLite
 * @param options.runbooks the runbooks folder; default a missing one
 */
export async function startKbBackend(
  options: {
    knex?: Knex;
    runbooks?: string;
    config?: JsonObject;
    /** The court clock; default the machine's. */
    clock?: ManualCourtClock;
  } = {},
): Promise<KbBackend> {
  const tickets = new Map<string, TicketDetail>();
  const ticketCalls: TicketCall[] = [];
  const backend = await startCourtTestBackend({
    config: {
      kb: { runbooks: { directory: options.runbooks ?? '/nonexistent/runbooks' } },
      ...options.config,
    },
    features: [
      kbPlugin,
      fakeTicketsPlugin(tickets, ticketCalls),
      catalogServiceMock.factory({ entities: courtEntities }),
      ...(options.knex ? [mockServices.database.factory({ knex: options.knex })] : []),
      ...(options.clock ? [courtClockFactory(options.clock)] : []),
    ],
  });
  return {
    server: backend.server,
    tickets,
    ticketCalls,
    stop: () => backend.stop(),
  };
}

export { as } from '@internal/plugin-court-node/testUtils';

/** A valid new-article body; override what the test is about. */
export function newArticle(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'how-to',
    title: '打印机卡纸怎么办',
    body: '1. 打开前盖\n2. 取出卡住的纸张\n3. 合上前盖，打印测试页',
    tags: ['打印机'],
    entityRefs: [PRINTER],
    visibility: 'public',
    ...overrides,
  };
}
