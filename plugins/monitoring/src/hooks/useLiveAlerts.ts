import { useSignal } from '@backstage/plugin-signals-react';
import {
  MONITORING_SIGNAL_CHANNEL,
  MonitoringAlertsSignal,
} from '@internal/plugin-monitoring-common';
import { DependencyList, useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** Reloads this often when no signal arrives (signals off, or a proxy dropping the socket). */
export const POLL_MILLISECONDS = 30_000;

/**
 * Loads with `load`, and again on every `monitoring:alerts` signal and every
 * {@link POLL_MILLISECONDS}; the previous value stays shown while reloading.
 */
export function useLiveAlerts<T>(load: () => Promise<T>, deps: DependencyList) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names load's inputs
  const state = useAsyncRetry(load, deps);
  const { lastSignal } = useSignal<MonitoringAlertsSignal>(
    MONITORING_SIGNAL_CHANNEL,
  );
  const { retry } = state;
  useEffect(() => {
    if (lastSignal) retry();
    // Only a new signal reloads; retry changes with every load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastSignal]);
  useEffect(() => {
    const timer = setInterval(retry, POLL_MILLISECONDS);
    return () => clearInterval(timer);
  }, [retry]);
  return state;
}
