import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  ALERT_SOURCES,
  AlertSource,
  MONITORING_SIGNAL_CHANNEL,
  MonitoringAlertsSignal,
} from '@internal/plugin-monitoring-common';
import express from 'express';

/** The shortest time between two broadcasts of one source: a reload hint, not a feed. */
const SIGNAL_WINDOW_MS = 1000;

/**
 * Tells the status boards to reload: an alert changed or its incident was
 * filed. A burst (a storm delivers hundreds a second) is coalesced per source:
 * the first change is broadcast at once, later ones within the window once at
 * its end, so a board never misses the last change and no board reloads more
 * than once a second.
 */
export class AlertsChanged {
  private readonly windows = new Map<
    AlertSource,
    { timer: ReturnType<typeof setTimeout>; again: boolean }
  >();

  constructor(
    private readonly deps: { signals: SignalsService; logger: LoggerService },
    private readonly windowMs = SIGNAL_WINDOW_MS,
  ) {}

  changed(source: AlertSource): void {
    const open = this.windows.get(source);
    if (open) {
      open.again = true;
      return;
    }
    this.publish(source);
    const timer = setTimeout(() => {
      const closed = this.windows.get(source);
      this.windows.delete(source);
      if (closed?.again) this.changed(source);
    }, this.windowMs);
    timer.unref?.();
    this.windows.set(source, { timer, again: false });
  }

  /** Drops what is still waiting (shutdown). */
  stop(): void {
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
  }

  private publish(source: AlertSource): void {
    this.deps.signals
      .publish<MonitoringAlertsSignal>({
        recipients: { type: 'broadcast' },
        channel: MONITORING_SIGNAL_CHANNEL,
        message: { source },
      })
      .catch(error => this.deps.logger.warn(`signal failed: ${error}`));
  }
}

/**
 * Mounted before the receivers: once a delivery was accepted (2xx), broadcasts
 * on `monitoring:alerts` so status boards reload. Kept outside the intake so
 * the receivers do not know about their viewers.
 */
export function alertSignals(changes: AlertsChanged): express.Router {
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
      changes.changed(source);
    });
    next();
  });
  return router;
}
