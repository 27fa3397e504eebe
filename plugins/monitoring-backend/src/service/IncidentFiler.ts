import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Caller,
  CourtClock,
  CourtWaker,
  yieldToRequests,
} from '@internal/plugin-court-node';
import { MonitoringConfig } from '../config';
import {
  DatabaseMonitoringStore,
  QueuedFiling,
  StoredAlert,
} from '../database/DatabaseMonitoringStore';
import { IncidentDesk, incidentRequest, writeNotes } from './IncidentDesk';

/** How long a claim keeps other replicas off a filing (a filing takes seconds). */
const LEASE_MINUTES = 2;
/** Filings read per look at the outbox (each is claimed as it is filed). */
const BATCH = 8;
/** Looks for filings another replica queued and could not file (it stopped). */
const IDLE_MINUTES = 1;

/**
 * Files the incidents the receivers queued, after they have answered: claims
 * each queued filing with a lease (so one replica files it at a time), files
 * it through the tickets API (its sourceRef makes a repeated filing return
 * the first ticket), stores the ticket and takes it out of the outbox. At
 * least once, and idempotent: a crash anywhere leaves the filing queued, and
 * the next try, here or on another replica, finds the same ticket. Wakes up
 * when a delivery queues, and on the court clock for leases and retries.
 */
export class IncidentFiler {
  private readonly waker: CourtWaker;

  constructor(
    private readonly deps: {
      store: DatabaseMonitoringStore;
      desk: IncidentDesk;
      clock: CourtClock;
      logger: LoggerService;
      config: MonitoringConfig;
      /** The plugin's own credentials: the delivery's source has answered and gone. */
      credentials: () => Promise<Caller>;
      /** An incident was filed (the boards show its ticket). */
      filed?: (alert: StoredAlert) => void;
    },
  ) {
    // Sleeps until the next lease or retry falls due, or a while to look again.
    this.waker = new CourtWaker({
      name: 'monitoring filer',
      logger: deps.logger,
      clock: deps.clock,
      sweep: () => this.drain(),
      nextDue: () => deps.store.nextFilingDue(),
      maxSleep: { minutes: IDLE_MINUTES },
    });
  }

  /** Starts filing without holding up the start (the tickets backend may be slow). */
  start(): void {
    void this.waker.start();
  }

  stop(): Promise<void> {
    return this.waker.stop();
  }

  /** Files what is due now; a poke while filing drains again afterwards. */
  poke(): void {
    void this.waker.wake();
  }

  private async drain(): Promise<void> {
    const { store, clock } = this.deps;
    for (;;) {
      const due = await store.dueFilings(clock.now().toUTC().toISO()!, BATCH);
      if (due.length === 0 || this.waker.stopped) return;
      // One at a time, each when the receivers leave room: a storm's deliveries are answered
      // first, and its incidents are filed with what the process has left (a second later).
      for (const filing of due) {
        await yieldToRequests();
        if (this.waker.stopped) return;
        await this.fileOne(filing);
      }
    }
  }

  private async fileOne(filing: QueuedFiling): Promise<void> {
    const { store, clock, logger } = this.deps;
    const now = clock.now();
    const lease = now.plus({ minutes: LEASE_MINUTES }).toUTC().toISO()!;
    if (!(await store.claimFiling(filing, lease))) return;
    try {
      await this.file(filing);
      await store.finishFiling(filing);
    } catch (error) {
      // Back off 1, 2, 4 ... up to 30 minutes; the filing stays queued.
      const minutes = Math.min(30, 2 ** filing.attempts);
      logger.warn(
        `monitoring: filing ${filing.fingerprint} (episode ${filing.episode}) failed, retrying in ${minutes} min: ${error}`,
      );
      await store.deferFiling(
        filing,
        clock.now().plus({ minutes }).toUTC().toISO()!,
      );
    }
  }

  private async file(filing: QueuedFiling): Promise<void> {
    const { store, desk, config } = this.deps;
    const alert = await store.get(filing.fingerprint);
    // A later episode, a storm member or an unmapped alert: nothing of this to file.
    if (
      !alert ||
      alert.episode !== filing.episode ||
      alert.stormId ||
      !alert.entityRef
    ) {
      return;
    }
    const as = await this.deps.credentials();
    const of = { fingerprint: alert.fingerprint, episode: alert.episode };
    // A retry after the ticket was stored: only its events can be left.
    if (alert.ticketNumber) {
      await writeNotes(this.deps, of, alert.ticketNumber, as);
      return;
    }
    const ticket = await desk.file(
      incidentRequest(alert, filing.link, config),
      as,
    );
    await store.setTicket(alert.fingerprint, alert.episode, ticket);
    this.deps.filed?.(alert);
    // What happened between the answer and the filing goes on the ticket
    // now; read after the ticket was stored (see IntakeService.writeNotes).
    const filed = (await store.get(alert.fingerprint))!;
    if (filed.episode !== alert.episode) return;
    if (filed.system) {
      const storm = await store.stormAfter(filed.system, filed.firstSeen);
      if (storm?.ticketNumber) await desk.link(storm.ticketNumber, ticket, as);
    }
    await writeNotes(this.deps, of, ticket, as);
  }
}
