import { approvingEveryEngineer } from '@internal/plugin-access-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import ticketsPlugin from '@internal/plugin-tickets-backend';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { scaffolderModuleCourtOps } from '../module';
import { fakeArchive } from './fakeArchive';

/** A catalog entity, as the catalog mock takes it. */
type Entity = NonNullable<
  Parameters<typeof catalogServiceMock.factory>[0]
>['entities'] extends readonly (infer E)[] | undefined
  ? E
  : never;

export const SWITCH = 'resource:default/core-switch-01';
/** The instant the court backend's clock stands at: a Tuesday morning, Beijing time. */
export const COURT_NOW = DateTime.fromISO('2026-03-03T09:00:00+08:00');

/** An instant `hours` after {@link COURT_NOW}, as the API takes it. */
export function inHours(hours: number): string {
  return COURT_NOW.plus({ hours }).toUTC().toISO()!;
}
export const NETWORK = 'system:default/network';

/** A corner of the example court: the network, a core switch with key parameters, people. */
const court: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'network' },
    spec: { owner: 'hardware-post' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-01', title: '核心交换机 1号' },
    spec: {
      type: 'core-switch',
      owner: 'hardware-post',
      system: 'network',
      keyParameters: [
        { name: 'vrrp-priority', value: '120', type: 'integer', min: 1, max: 254 },
        { name: 'software-version', value: 'V200R022C00SPC500' },
      ],
    },
  },
  ...['wangqiang', 'xuli', 'wuxia', 'zhaomin'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {},
  })),
];

/** The template of `templates/<name>/template.yaml`, as the catalog serves it. */
export function template(name: string): Entity {
  const file = resolve(
    __dirname,
    `../../../../templates/${name}/template.yaml`,
  );
  const entity = parse(readFileSync(file, 'utf8')) as Entity;
  return { ...entity, metadata: { namespace: 'default', ...entity.metadata } };
}

/** Court staff may not file changes; everyone else here may do anything. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(r => decide(r.permission.name, options?.credentials)) as never,
  authorizeConditional: async (requests, options) =>
    requests.map(r => decide(r.permission.name, options?.credentials)) as never,
});

/** A policy decision: AuthorizeResult's values, without its package here. */
function decide(permission: string, credentials: unknown) {
  const user = (credentials as { principal?: { userEntityRef?: string } })
    ?.principal?.userEntityRef;
  return user === 'user:default/xuli' && permission === 'tickets.change.create'
    ? { result: 'DENY' }
    : { result: 'ALLOW' };
}

export interface CourtBackend {
  readonly server: Server;
  stop(): Promise<void>;
  /** The fake archive backend the archive templates call. */
  readonly archive: ReturnType<typeof fakeArchive>;
  /** Discovery of this backend, for an action run outside the scaffolder. */
  readonly discovery: {
    getBaseUrl(pluginId: string): Promise<string>;
    getExternalBaseUrl(pluginId: string): Promise<string>;
  };
}

/**
 * The tickets plugin and a fake archive, and with `scaffolder` the real
 * scaffolder with this module, over a catalog holding the court corner and
 * the templates.
 */
export async function startCourtBackend(options: {
  scaffolder: boolean;
}): Promise<CourtBackend> {
  const archive = fakeArchive();
  const backend = await startTestBackend({
    features: [
      ticketsPlugin,
      archive.plugin,
      ...(options.scaffolder
        ? [scaffolderPlugin, scaffolderModuleCourtOps]
        : []),
      catalogServiceMock.factory({
        entities: [
          ...court,
          template('change-request'),
          template('emergency-change'),
          template('software-release'),
          template('quarterly-volume'),
          template('doc-drafts'),
        ],
      }),
      permissions.factory,
      approvingEveryEngineer,
      courtClockFactory(new ManualCourtClock(COURT_NOW)),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return {
    server: backend.server,
    stop: () => backend.stop(),
    archive,
    discovery: {
      getBaseUrl: async (pluginId: string) =>
        `http://localhost:${port}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId: string) =>
        `http://localhost:${port}/api/${pluginId}`,
    },
  };
}
