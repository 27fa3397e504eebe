import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import type { JsonObject } from '@backstage/types';
import {
  ManualCourtClock,
  courtClockFactory,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
// The real service desk beside the intake, as packages/backend wires them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ticketsPlugin from '@internal/plugin-tickets-backend';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import monitoringPlugin from '../index';

const device = (
  name: string,
  system: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'core-switch', system, owner: 'group:default/hardware-post' },
});

const system = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/court-it-office' },
});

/** The example court's corner the tests alert on. */
export const courtEntities: Entity[] = [
  system('network'),
  system('machine-rooms'),
  device('core-sw-1', 'network', {
    'court-ops.io/ip': '10.10.0.1',
    'court-ops.io/hostname': 'core-sw-1.court.local',
  }),
  device('ups-a-b1', 'machine-rooms', {
    'court-ops.io/ip': '10.20.0.5',
    'court-ops.io/monitoring-id': 'zabbix:10084',
  }),
  ...Array.from({ length: 8 }, (_, i) =>
    device(`access-sw-${i + 1}`, 'network', {
      'court-ops.io/ip': `10.10.1.${i + 1}`,
    }),
  ),
];

/** The subjects of the sources' static tokens in the test config. */
export const SUBJECTS = {
  alertmanager: 'alertmanager-court',
  zabbix: 'zabbix-court',
  generic: 'generic-court',
} as const;

export interface MonitoringBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  readonly notifications: NotificationSendOptions[];
  stop(): Promise<void>;
}

/**
 * The monitoring intake and the real tickets backend on the court's real
 * policy, at a named instant. `databases` gives each plugin its own database
 * (both on PostgreSQL in the store-level runs); in-memory SQLite otherwise.
 */
export async function startMonitoringBackend(
  options: {
    at?: string;
    config?: JsonObject;
    databases?: { monitoring: Knex; tickets: Knex };
    /** The catalog; the example corner above by default. */
    entities?: Entity[];
    /** Without the tickets backend: every filing fails (the desk is down). */
    withoutDesk?: boolean;
  } = {},
): Promise<MonitoringBackend> {
  const clock = new ManualCourtClock(options.at ?? '2026-12-06T10:00:00+08:00');
  const notifications: NotificationSendOptions[] = [];
  const { databases } = options;
  const backend = await startCourtTestBackend({
    config: {
      monitoring: {
        sources: {
          alertmanager: { subject: SUBJECTS.alertmanager },
          zabbix: { subject: SUBJECTS.zabbix },
          generic: { subject: SUBJECTS.generic },
        },
        ...options.config,
      },
    },
    features: [
      monitoringPlugin,
      ...(options.withoutDesk ? [] : [ticketsPlugin]),
      catalogServiceMock.factory({
        entities: options.entities ?? courtEntities,
      }),
      courtClockFactory(clock),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(sent: NotificationSendOptions) {
            notifications.push(sent);
          },
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
      ...(databases
        ? [
            createServiceFactory({
              service: coreServices.database,
              deps: { plugin: coreServices.pluginMetadata },
              factory: ({ plugin }) =>
                mockServices.database({
                  knex:
                    plugin.getId() === 'monitoring'
                      ? databases.monitoring
                      : databases.tickets,
                }),
            }),
          ]
        : []),
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
