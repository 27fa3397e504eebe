import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import type { JsonObject } from '@backstage/types';
import {
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
// A test wiring the spares backend to the real service desk, as packages/backend does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ticketsPlugin from '@internal/plugin-tickets-backend';
import type { Server } from 'node:http';
import sparesPlugin from '../index';

export const RECORDER = 'resource:default/courtroom-recorder-t01';
export const UPS = 'resource:default/ups-01';
export const LOANER = 'resource:default/courtroom-recorder-spare';
export const COURTROOM = 'system:default/courtroom-trial';

const device = (name: string, type: string, model: string, system: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'court-ops.io/model': model,
      'court-ops.io/vendor': '锐取 Reach',
    },
  },
  spec: { type, owner: 'hardware-post', system },
});

/** A courtroom recorder, its spare, and a UPS in the machine room. */
export const courtEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'courtroom-trial' },
    spec: { owner: 'hardware-post' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'machine-room' },
    spec: { owner: 'hardware-post' },
  },
  device(
    'courtroom-recorder-t01',
    'courtroom-recorder',
    'RE-TC8000',
    'courtroom-trial',
  ),
  device(
    'courtroom-recorder-spare',
    'courtroom-recorder',
    'RE-TC8000',
    'courtroom-trial',
  ),
  device('ups-01', 'ups', 'UPS-20K', 'machine-room'),
  ...['xuli', 'lina', 'wangqiang', 'liuyang', 'sunlei', 'wuxia'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {},
  })),
];

/** The example register: a disk for recorders, two store rooms, the recorder's vendor. */
export const sparesConfig: JsonObject = {
  partTypes: [
    {
      id: 'hdd-4tb',
      name: '4 TB 录像硬盘',
      deviceClasses: ['courtroom-recorder', 'nvr'],
      minimum: 2,
    },
  ],
  locations: [
    { id: 'store-a', name: '综合楼 B1 备件库' },
    { id: 'store-b', name: '审判楼 3F 机房' },
  ],
  vendors: [
    {
      id: 'reach',
      name: '锐取 Reach',
      contacts: ['400-800-0000'],
      serviceHours: '工作日 9:00-18:00',
      responsePromise: '4 小时响应',
    },
  ],
};

export interface SparesBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  readonly notifications: NotificationSendOptions[];
  stop(): Promise<void>;
}

/**
 * The spares plugin and the real tickets plugin in one test backend, on the
 * court's real policy, at a named instant (Monday 2026-12-07, 10:00 Beijing
 * time, unless the test names another).
 */
export async function startSparesBackend(
  options: { at?: string } = {},
): Promise<SparesBackend> {
  const clock = new ManualCourtClock(options.at ?? '2026-12-07T10:00:00+08:00');
  const notifications: NotificationSendOptions[] = [];
  const backend = await startCourtTestBackend({
    config: {
      courtOps: {
        roles: {
          'ops-manager': ['group:default/ops-managers'],
          'court-it-office': ['group:default/court-it-office'],
        },
      },
      spares: sparesConfig,
    },
    features: [
      sparesPlugin,
      ticketsPlugin,
      catalogServiceMock.factory({ entities: courtEntities }),
      courtClockFactory(clock),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (sent: NotificationSendOptions) => {
            notifications.push(sent);
          },
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
    ],
  });
  return {
    server: backend.server,
    clock,
    notifications,
    stop: () => backend.stop(),
  };
}

export { as } from '@internal/plugin-court-node/testUtils';
