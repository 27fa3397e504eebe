import { LoggerService } from '@backstage/backend-plugin-api';
import { DateTime, Duration, DurationLike } from 'luxon';
import { CancelWakeUp, CourtClock } from './CourtClock';

/** What a waker does and how long it may sleep. */
export interface CourtWakerOptions {
  /** Who is waking, for the log: e.g. `SLA breach watch`. */
  name: string;
  logger: LoggerService;
  clock: CourtClock;
  /** Does whatever is due now; a failure is logged and the waker sleeps on. */
  sweep: () => Promise<void>;
  /** The instant (ISO, with its offset) the next work falls due, if any is stored. */
  nextDue: () => Promise<string | undefined>;
  /**
   * Longest sleep: work another replica stored is seen at the latest after
   * this. Precision comes from the due instants, not from this.
   */
  maxSleep: DurationLike;
  /**
   * Shortest sleep after a sweep: work still due then (another replica holds
   * it, or it could not be taken) is looked at again after this, not at once.
   */
  minSleep?: DurationLike;
}

/**
 * Sleeps on the court clock until the next instant work falls due, then
 * sweeps. A wake-up asked for while sweeping sweeps again afterwards, never
 * two sweeps at once; `wakeBy` brings the wake-up earlier when new work falls
 * due sooner. The wake-ups are the clock's (never keeping the process alive,
 * driven by the test's clock in tests); `stop` cancels the next one and waits
 * for the sweep under way, so a backend shutting down leaves nothing running.
 */
export class CourtWaker {
  private cancelWakeUp?: CancelWakeUp;
  private armedFor = Infinity;
  private running?: Promise<void>;
  private again = false;
  private started = false;
  private halted = false;
  private readonly maxSleepMs: number;
  private readonly minSleepMs: number;

  constructor(private readonly options: CourtWakerOptions) {
    this.maxSleepMs = Duration.fromDurationLike(options.maxSleep).toMillis();
    this.minSleepMs = options.minSleep
      ? Duration.fromDurationLike(options.minSleep).toMillis()
      : 0;
  }

  /** True once stopped: a sweep looping over batches ends early then. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Starts waking; resolves after the first sweep (work missed while down is done). */
  start(): Promise<void> {
    this.started = true;
    this.halted = false;
    return this.wake();
  }

  /** Cancels the next wake-up; resolves once the sweep under way has finished. */
  async stop(): Promise<void> {
    this.halted = true;
    this.disarm();
    await this.running;
  }

  /** Sweeps now (after the sweep under way, if any); resolves when done. */
  wake(): Promise<void> {
    if (this.halted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** New work falls due at `at`: wakes then if that is sooner than planned. */
  wakeBy(at: string | DateTime | undefined): void {
    if (at === undefined || !this.started || this.halted) return;
    const millis = (
      typeof at === 'string' ? DateTime.fromISO(at, { setZone: true }) : at
    ).toMillis();
    if (millis < this.armedFor) this.arm(millis);
  }

  private async run(): Promise<void> {
    const { sweep, nextDue, logger, name, clock } = this.options;
    for (;;) {
      this.again = false;
      await sweep().catch(error => logger.error(`${name} failed: ${error}`));
      if (this.halted) return;
      if (this.again) continue;
      const next = await nextDue().catch(error => {
        logger.warn(`${name}: the next due instant is unknown: ${error}`);
        return undefined;
      });
      // Woken while asking: what woke it may be due before `next`.
      if (this.again) continue;
      const soonest = clock.now().toMillis() + this.minSleepMs;
      this.arm(
        next === undefined
          ? Infinity
          : Math.max(DateTime.fromISO(next).toMillis(), soonest),
      );
      return;
    }
  }

  private arm(at: number) {
    this.disarm();
    if (!this.started || this.halted) return;
    const now = this.options.clock.now().toMillis();
    this.armedFor = Math.min(at, now + this.maxSleepMs);
    this.cancelWakeUp = this.options.clock.wakeAt(
      DateTime.fromMillis(this.armedFor, { zone: 'utc' }),
      () => {
        this.cancelWakeUp = undefined;
        this.armedFor = Infinity;
        return this.wake();
      },
    );
  }

  private disarm() {
    this.cancelWakeUp?.();
    this.cancelWakeUp = undefined;
    this.armedFor = Infinity;
  }
}
