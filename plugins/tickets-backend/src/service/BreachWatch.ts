import { LoggerService } from '@backstage/backend-plugin-api';
import { CourtClock, CourtWaker } from '@internal/plugin-court-node';
import { CLOCK_NAMES, ClockStatus } from '@internal/plugin-sla-common';
import { SlaProjectionStore } from '../database/SlaProjectionStore';
import { TicketHistoryStore } from '../database/TicketHistoryStore';
import { TicketRecordStore } from '../database/TicketRecordStore';
import { SlaAlert, TicketNotifier } from './TicketNotifier';
import { TicketSla } from './TicketSla';

const BATCH = 200;

/**
 * Sends SLA warnings and breaches at their instants. It sleeps until the
 * earliest stored wake-up of any open clock (the SLA engine's `nextWakeUp`),
 * and is poked when a change brings that earlier. Each alert is claimed in
 * the database before it is sent, so it goes out once whichever replica
 * wakes first, and one missed while the backend was down goes out at start.
 */
export class BreachWatch {
  private readonly waker: CourtWaker;

  constructor(
    private readonly deps: {
      records: Pick<TicketRecordStore, 'getMany'>;
      history: Pick<TicketHistoryStore, 'events'>;
      projection: SlaProjectionStore;
      sla: TicketSla;
      notifier: TicketNotifier;
      logger: LoggerService;
      /**
       * Longest sleep: another replica's change is seen at the latest after
       * this. Precision comes from the wake-up instants, not from this.
       */
      maxSleepMs: number;
      /** Tells the instant and wakes the watch: the court clock. */
      clock: CourtClock;
    },
  ) {
    this.waker = new CourtWaker({
      name: 'SLA breach watch',
      logger: deps.logger,
      clock: deps.clock,
      sweep: () => this.sweep(),
      nextDue: () => deps.projection.nextWakeUp(),
      maxSleep: { milliseconds: deps.maxSleepMs },
    });
  }

  /** Starts watching; resolves after the first look (alerts missed while down are sent). */
  start(): Promise<void> {
    return this.waker.start();
  }

  stop(): Promise<void> {
    return this.waker.stop();
  }

  /** A change set a ticket's next wake-up; wake then if that is sooner. */
  poke(wakeUpAt: string | undefined) {
    this.waker.wakeBy(wakeUpAt);
  }

  private async sweep() {
    for (;;) {
      const now = this.deps.clock.now().toUTC().toISO()!;
      const due = await this.deps.projection.dueForWatch(now, BATCH);
      for (const id of due) {
        await this.check(id, now);
      }
      if (due.length < BATCH) return;
    }
  }

  private async check(id: string, now: string) {
    const { records, history, projection, sla, notifier } = this.deps;
    const [ticket] = await records.getMany([id]);
    if (!ticket) return;
    const clocks = sla.clocks(ticket, await history.events(id), now);
    if (clocks) {
      for (const name of CLOCK_NAMES) {
        const alert = await this.claimWorst(id, clocks[name], now);
        if (alert) await notifier.slaAlert(ticket, alert);
      }
    }
    // A change meanwhile wrote a fresher projection; then this one is dropped.
    await projection.refreshProjection(id, ticket.version, sla.project(clocks));
  }

  /**
   * Claims every alert the clock has reached and returns the worst one reached
   * when this sweep claimed it: after an outage one breach, not a burst of
   * warnings, even when another replica's sweep claims some of them at once.
   */
  private async claimWorst(
    ticketId: string,
    clock: ClockStatus,
    now: string,
  ): Promise<SlaAlert | undefined> {
    const reached: SlaAlert[] = [];
    if (
      clock.state === 'running' ||
      clock.state === 'paused' ||
      clock.state === 'breached'
    ) {
      for (const warning of clock.warnings) {
        if (!warning.upcoming) {
          reached.push({
            clock: clock.clock,
            threshold: warning.threshold,
            at: warning.at,
          });
        }
      }
    }
    if (clock.state === 'breached' && clock.breachedAt) {
      reached.push({ clock: clock.clock, at: clock.breachedAt });
    }
    let worst: SlaAlert | undefined;
    for (const [i, alert] of reached.entries()) {
      const claimed = await this.deps.projection.claimAlert({
        ticketId,
        clock: alert.clock,
        kind:
          alert.threshold === undefined
            ? 'breach'
            : `warning-${Math.round(alert.threshold * 100)}`,
        dueAt: alert.at,
        sentAt: now,
      });
      // A lesser alert claimed here is stale when a worse one is reached too:
      // whoever claimed the worst sends it.
      if (claimed && i === reached.length - 1) worst = alert;
    }
    return worst;
  }
}
