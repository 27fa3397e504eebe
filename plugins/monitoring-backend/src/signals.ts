import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  ALERT_SOURCES,
  AlertSource,
  MONITORING_SIGNAL_CHANNEL,
  MonitoringAlertsSignal,
} from '@internal/plugin-monitoring-common';
import express from 'express';

/** Tells the status boards to reload: an alert changed or its incident was filed. */
export function alertsChanged(
  deps: { signals: SignalsService; logger: LoggerService },
  source: AlertSource,
): void {
  deps.signals
    .publish<MonitoringAlertsSignal>({
      recipients: { type: 'broadcast' },
      channel: MONITORING_SIGNAL_CHANNEL,
      message: { source },
    })
    .catch(error => deps.logger.warn(`signal failed: ${error}`));
}

/**
 * Mounted before the receivers: once a delivery was accepted (2xx), broadcasts
 * on `monitoring:alerts` so status boards reload. Kept outside the intake so
 * the receivers do not know about their viewers.
 */
export function alertSignals(deps: {
  signals: SignalsService;
  logger: LoggerService;
}): express.Router {
  const router = express.Router();
  const receivers = new Set<string>(ALERT_SOURCES.map(source => `/${source}`));
  // Middleware, not routes: the receivers stay the only routes at these paths.
  router.use((req, res, next) => {
    if (req.method !== 'POST' || !receivers.has(req.path)) {
      next();
      return;
    }
    const source = req.path.slice(1) as AlertSource;
    res.on('finish', () => {
      if (res.statusCode < 200 || res.statusCode >= 300) return;
      alertsChanged(deps, source);
    });
    next();
  });
  return router;
}
