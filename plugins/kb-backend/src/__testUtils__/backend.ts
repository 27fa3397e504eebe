import {
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  createKbArticleConditionalDecision,
  kbArticleHasVisibility,
  kbArticleReadPermission,
} from '@internal/plugin-kb-common';
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

/** Court staff in these tests; everyone else is the O&M team or the IT office. */
const COURT_STAFF = ['user:default/xuli', 'user:default/mahui'];

/**
 * The court's policy as far as the knowledge base goes: court staff read
 * public articles and write none; the O&M team and the IT office do all.
 */
function decide(
  permission: string,
  credentials: BackstageCredentials,
): PolicyDecision {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user' || !COURT_STAFF.includes(principal.userEntityRef!)) {
    return { result: AuthorizeResult.ALLOW };
  }
  switch (permission) {
    case kbArticleReadPermission.name:
      return createKbArticleConditionalDecision(
        kbArticleReadPermission,
        kbArticleHasVisibility({ visibilities: ['public'] }),
      );
    case 'kb.article.create':
    case 'kb.article.update':
      return { result: AuthorizeResult.DENY };
    default:
      return { result: AuthorizeResult.ALLOW };
  }
}

export const courtPermissions = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(r => decide(r.permission.name, options!.credentials)) as never,
  authorizeConditional: async (requests, options) =>
    requests.map(r => decide(r.permission.name, options!.credentials)) as never,
});

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
 * knowledge-base policy and a fake service desk.
 * @param options.knex a TestDatabases database; default in-memory SQLite
 * @param options.runbooks the runbooks folder; default a missing one
 */
export async function startKbBackend(
  options: { knex?: Knex; runbooks?: string; config?: JsonObject } = {},
): Promise<KbBackend> {
  const tickets = new Map<string, TicketDetail>();
  const ticketCalls: TicketCall[] = [];
  const backend = await startTestBackend({
    features: [
      kbPlugin,
      fakeTicketsPlugin(tickets, ticketCalls),
      catalogServiceMock.factory({ entities: courtEntities }),
      courtPermissions.factory,
      mockServices.rootConfig.factory({
        data: {
          kb: { runbooks: { directory: options.runbooks ?? '/nonexistent/runbooks' } },
          ...options.config,
        },
      }),
      ...(options.knex ? [mockServices.database.factory({ knex: options.knex })] : []),
    ],
  });
  return {
    server: backend.server,
    tickets,
    ticketCalls,
    stop: () => backend.stop(),
  };
}

/** `Authorization` header of a signed-in example user. */
export function as(user: string) {
  return mockCredentials.user.header(`user:default/${user}`);
}

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
