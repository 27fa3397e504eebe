import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import type { Server } from 'node:http';
// The real access plugin, for the tests of assignment (SEC-2) only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import accessPlugin from '@internal/plugin-access-backend';
import { approvingEveryEngineer } from '@internal/plugin-access-node';
import ticketsPlugin from '../index';

/** The example court in miniature: a courtroom system, its devices, people. */
export const courtEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'courtroom-trial' },
    spec: { owner: 'onsite-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'network' },
    spec: { owner: 'onsite-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'courtroom-recorder-t01' },
    spec: {
      type: 'courtroom-recorder',
      owner: 'onsite-team',
      system: 'courtroom-trial',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-01' },
    spec: {
      type: 'switch',
      owner: 'onsite-team',
      system: 'network',
      keyParameters: [
        {
          name: 'vrrp-priority',
          value: '120',
          description: 'VRRP 优先级',
          type: 'integer',
          min: 1,
          max: 254,
        },
        { name: 'software-version', value: 'V200R022C00SPC500' },
      ],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-02' },
    spec: {
      type: 'switch',
      owner: 'onsite-team',
      system: 'network',
      keyParameters: [{ name: 'vrrp-priority', value: '100' }],
    },
  },
  ...[
    'xuli',
    'mahui',
    'lina',
    'wangqiang',
    'liuyang',
    'sunlei',
    'wuxia',
    'huangjun',
    'it-engineer',
  ].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {},
  })),
];

export const RECORDER = 'resource:default/courtroom-recorder-t01';
export const SWITCH = 'resource:default/core-switch-01';
export const SWITCH_2 = 'resource:default/core-switch-02';
export const COURTROOM = 'system:default/courtroom-trial';
export const NETWORK = 'system:default/network';

/**
 * The instant a test backend's clock starts at unless the test names another:
 * Tuesday 2026-03-03, 10:00 Beijing time, a working day inside on-site hours.
 */
export const COURT_NOW = DateTime.fromISO('2026-03-03T10:00:00+08:00');

export interface TicketsBackend {
  readonly server: Server;
  /** The backend's court clock: it stands still until the test moves it. */
  readonly clock: ManualCourtClock;
  /** Every notification sent, in order. */
  readonly notifications: NotificationSendOptions[];
  /** Every signal published, in order. */
  readonly signals: unknown[];
  stop(): Promise<void>;
}

/**
 * The tickets plugin in a test backend, with the example catalog, the
 * court's real role policy and recording notification and signal services.
 * @param options.knex a TestDatabases database; default in-memory SQLite
 * @param options.clock the court clock, e.g. shared by replicas; default one standing at {@link COURT_NOW}
 */
export async function startTicketsBackend(
  options: {
    knex?: Knex;
    config?: JsonObject;
    clock?: ManualCourtClock;
    /** Other plugins in the same backend: the real duty plugin, the court's auditor and the audit plugin (scripts/bench/audit.ts). */
    features?: Parameters<typeof startCourtTestBackend>[0]['features'];
    /**
     * The access plugin itself, so assignment asks the real engineer approval
     * (`access.engineers` in `config`); by default every engineer is approved.
     */
    withAccess?: boolean;
  } = {},
): Promise<TicketsBackend> {
  const clock = options.clock ?? new ManualCourtClock(COURT_NOW);
  const notifications: NotificationSendOptions[] = [];
  const signals: unknown[] = [];
  const backend = await startCourtTestBackend({
    config: options.config,
    features: [
      ticketsPlugin,
      catalogServiceMock.factory({ entities: courtEntities }),
      courtClockFactory(clock),
      options.withAccess ? accessPlugin : approvingEveryEngineer,
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
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
        factory: () => ({
          publish: async (signal: unknown) => {
            signals.push(signal);
          },
        }),
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    server: backend.server,
    clock,
    notifications,
    signals,
    stop: () => backend.stop(),
  };
}

export { as } from '@internal/plugin-court-node/testUtils';

/** A valid new-ticket body; override what the test is about. */
export function newIncident(overrides: Record<string, unknown> = {}) {
  return {
    type: 'incident',
    title: '审判庭录音录像无声音',
    description: '第一审判庭庭审录像没有声音',
    urgency: 'high',
    impact: 'medium',
    entityRefs: [RECORDER],
    ...overrides,
  };
}

/** An instant `hours` after {@link COURT_NOW}, on the minute. */
export function inHours(hours: number): string {
  return COURT_NOW.plus({ hours }).startOf('minute').toUTC().toISO()!;
}

/** A valid change request on the core switch; override what the test is about. */
export function newChange(overrides: Record<string, unknown> = {}) {
  return {
    title: '核心交换机 VRRP 优先级调整',
    description: '将核心交换机 1 号的 VRRP 优先级由 120 调整为 150',
    reason: '主备切换测试后恢复主用地位',
    entityRefs: [SWITCH],
    risk: { trialImpact: 'none', rollback: 'easy', testedInSimulation: true },
    rollbackPlan: '将 VRRP 优先级改回 120',
    window: { start: inHours(24), end: inHours(26) },
    parameterEdits: [
      { device: SWITCH, parameter: 'vrrp-priority', newValue: '150' },
    ],
    ...overrides,
  };
}
