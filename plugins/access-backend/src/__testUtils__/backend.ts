import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import {
  ManualCourtClock,
  courtClockFactory,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import accessPlugin from '../index';

const user = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { memberOf: [] },
});

/** A staff member's PC (a User owns it), a database server of the team, people. */
export const accessEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'pc-xuli' },
    spec: { type: 'pc', owner: 'user:xuli', system: 'office' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'trial-db-01' },
    spec: { type: 'database', owner: 'onsite-team', system: 'trial' },
  },
  ...['xuli', 'liuyang', 'chenjing', 'wangqiang', 'it-engineer'].map(user),
];

/** The example court's engineers as app-config.yaml seeds them (chenjing: not yet approved). */
export const seededEngineers = [
  {
    userRef: 'user:default/liuyang',
    name: '刘洋',
    employer: '运维服务单位',
    posts: ['软件岗'],
    confidentialitySignedOn: '2026-01-05',
  },
  {
    userRef: 'user:default/wangqiang',
    name: '王强',
    employer: '运维服务单位',
    posts: ['硬件岗'],
    confidentialitySignedOn: '2026-01-05',
  },
  {
    userRef: 'user:default/it-engineer',
    name: '信息中心工程师',
    employer: '人民法院',
    posts: ['软件岗'],
    confidentialitySignedOn: '2026-01-05',
  },
  {
    userRef: 'user:default/chenjing',
    name: '陈静',
    employer: '运维服务单位',
    posts: ['软件岗'],
    confidentialitySignedOn: '2026-11-30',
    approved: false,
  },
];

export interface AccessBackend {
  readonly server: Server;
  readonly clock: ManualCourtClock;
  stop(): Promise<void>;
}

/** The access plugin on the court's real policy, at a named instant. */
export async function startAccessBackend(
  options: { knex?: Knex; config?: JsonObject; at?: string } = {},
): Promise<AccessBackend> {
  const clock = new ManualCourtClock(options.at ?? '2026-12-05T10:00:00+08:00');
  const backend = await startCourtTestBackend({
    config: {
      access: { engineers: seededEngineers },
      ...options.config,
    },
    features: [
      accessPlugin,
      courtClockFactory(clock),
      catalogServiceMock.factory({ entities: accessEntities }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
  return { server: backend.server, clock, stop: () => backend.stop() };
}
