import type { AlertSource } from './types';

/** The channel the monitoring backend broadcasts on when a delivery changed alerts. */
export const MONITORING_SIGNAL_CHANNEL = 'monitoring:alerts';

/** What is broadcast: which source delivered; the board reloads its open alerts. */
export interface MonitoringAlertsSignal {
  [key: string]: string;
  source: AlertSource;
}
