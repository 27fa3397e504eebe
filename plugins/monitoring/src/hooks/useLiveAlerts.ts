import { useSignal } from '@backstage/plugin-signals-react';
import {
  MONITORING_SIGNAL_CHANNEL,
  MonitoringAlertsSignal,
} from '@internal/plugin-monitoring-common';
import { DependencyList, useEffect, useRef } from 'react';
import { useAsyncReload } from '@internal/plugin-court-react';

/** Reloads this often when no signal arrives (signals off, or a proxy dropping the socket). */
export const POLL_MILLISECONDS = 30_000;

/**
 * Loads with `load`, and again on every `monitoring:alerts` signal and every
 * {@link POLL_MILLISECONDS}; the previous value stays shown while reloading.
 */
export function useLiveAlerts<T>(load: () => Promise<T>, deps: DependencyList) {
  // deps: the caller names load's inputs, as with useEffect.
  const state = useAsyncReload(load, deps);
  const { lastSignal } = useSignal<MonitoringAlertsSignal>(
    MONITORING_SIGNAL_CHANNEL,
  );
  // The latest retry, so neither a signal nor the timer resubscribes on every load.
  const retry = useRef(state.retry);
  retry.current = state.retry;
  useEffect(() => {
    if (lastSignal) retry.current();
  }, [lastSignal]);
  useEffect(() => {
    const timer = setInterval(() => retry.current(), POLL_MILLISECONDS);
    return () => clearInterval(timer);
  }, []);
  return state;
}
