import { act } from '@testing-library/react';
import type { SignalApi } from '@backstage/plugin-signals-react';
import type {
  MonitoredIncident,
  MonitoringAlertsSignal,
  MonitoringApi,
} from '@internal/plugin-monitoring-common';

export const NETWORK = 'system:default/court-network';
export const TRIAL_AV = 'system:default/trial-av';

/** An open alert on the core switch of the court network, as the backend lists it. */
export function makeAlert(
  overrides: Partial<MonitoredIncident> = {},
): MonitoredIncident {
  return {
    fingerprint: 'core-switch-down',
    source: 'alertmanager',
    title: '核心交换机离线',
    severity: 'critical',
    ticketNumber: 'INC-2026-00042',
    entityRef: 'resource:default/core-switch-01',
    system: NETWORK,
    status: 'open',
    occurrences: 3,
    firstSeen: '2026-12-06T02:00:00.000Z',
    lastSeen: '2026-12-06T02:10:00.000Z',
    flapping: false,
    ...overrides,
  };
}

export function mockMonitoringApi(
  alerts: MonitoredIncident[] = [],
): jest.Mocked<MonitoringApi> {
  return {
    listIncidents: jest.fn().mockResolvedValue(alerts),
    listUnmapped: jest.fn().mockResolvedValue([]),
    listDeadLetters: jest.fn().mockResolvedValue([]),
    getHealth: jest.fn().mockResolvedValue([]),
  };
}

/** A signal API whose `monitoring:alerts` messages the test sends. */
export function mockSignals() {
  const handlers: Array<(message: MonitoringAlertsSignal) => void> = [];
  const api: SignalApi = {
    subscribe: (_channel, onMessage) => {
      // The API is generic in its message; this channel only carries MonitoringAlertsSignal.
      handlers.push(
        onMessage as unknown as (message: MonitoringAlertsSignal) => void,
      );
      return { unsubscribe: () => {} };
    },
  };
  return {
    api,
    emit: (message: MonitoringAlertsSignal) =>
      act(() => handlers.forEach(handler => handler(message))),
  };
}
