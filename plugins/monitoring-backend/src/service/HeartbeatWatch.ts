import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CancelWakeUp, CourtClock } from '@internal/plugin-court-node';
import { AlertSource } from '@internal/plugin-monitoring-common';
import { DateTime } from 'luxon';
import { DatabaseMonitoringStore } from '../database/DatabaseMonitoringStore';

/**
 * Alerts the desk when a source with a heartbeat (e.g. Alertmanager's
 * Watchdog, repeated every few minutes) has delivered nothing for longer:
 * once per silence, across replicas, woken by the court clock at the instant
 * the silence begins.
 */
export class HeartbeatWatch {
  private readonly wakeUps = new Map<AlertSource, CancelWakeUp>();
  private stopped = false;

  constructor(
    private readonly deps: {
      store: DatabaseMonitoringStore;
      clock: CourtClock;
      notifications: NotificationService;
      logger: LoggerService;
      heartbeats: ReadonlyArray<{ source: AlertSource; minutes: number }>;
      recipients: readonly string[];
    },
  ) {}

  async start(): Promise<void> {
    const now = this.deps.clock.now().toUTC().toISO()!;
    for (const { source } of this.deps.heartbeats) {
      await this.deps.store.watchSource(source, now);
    }
    await Promise.all(this.deps.heartbeats.map(h => this.check(h)));
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.wakeUps.values()) cancel();
    this.wakeUps.clear();
  }

  /** Alerts if the source is silent, then sleeps until it could next be. */
  async check(heartbeat: { source: AlertSource; minutes: number }) {
    const { store, clock, logger } = this.deps;
    if (this.stopped) return;
    const record = (await store.sources()).find(
      r => r.source === heartbeat.source,
    );
    const since = DateTime.fromISO(
      record?.lastDeliveryAt ?? record?.watchedSince ?? clock.now().toISO()!,
    );
    const silentAt = since.plus({ minutes: heartbeat.minutes });
    const now = clock.now();
    let next: DateTime = silentAt;
    if (now >= silentAt) {
      if (await store.claimSilence(heartbeat.source, now.toUTC().toISO()!)) {
        await this.alert(heartbeat, since).catch(error =>
          logger.error(`monitoring: silence alert not sent: ${error}`),
        );
      }
      // Look again a heartbeat later: a delivery in between ends this silence.
      next = now.plus({ minutes: heartbeat.minutes });
    }
    this.wakeUps.get(heartbeat.source)?.();
    this.wakeUps.set(
      heartbeat.source,
      clock.wakeAt(next, () => this.check(heartbeat)),
    );
  }

  private async alert(
    heartbeat: { source: AlertSource; minutes: number },
    since: DateTime,
  ) {
    const { notifications, recipients, logger } = this.deps;
    logger.warn(
      `monitoring: ${
        heartbeat.source
      } has delivered nothing since ${since.toISO()} (heartbeat ${
        heartbeat.minutes
      } min)`,
    );
    if (recipients.length === 0) return;
    await notifications.send({
      recipients: { type: 'entity', entityRef: [...recipients] },
      payload: {
        title: `监控源静默 Monitoring source silent: ${heartbeat.source}`,
        description: `${heartbeat.source} 已超过 ${heartbeat.minutes} 分钟没有投递（心跳）：告警可能无法到达服务台。${heartbeat.source} has delivered nothing for more than ${heartbeat.minutes} minutes (its heartbeat): alerts may not be reaching the desk.`,
        link: '/monitoring',
        severity: 'high',
        topic: 'monitoring-heartbeat',
        scope: `monitoring:silent:${heartbeat.source}`,
      },
    });
  }
}
