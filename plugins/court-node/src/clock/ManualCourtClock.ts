import { DateTime, Duration, DurationLike } from 'luxon';
import { CancelWakeUp, CourtClock } from './CourtClock';

interface WakeUp {
  at: number;
  wake: () => unknown;
}

/**
 * A court clock that stands still at a named instant until the test moves
 * it on; wake-ups fire when it is moved to or past them (one armed for an
 * instant already reached: at the next move, e.g. `advance(0)`), in order, and
 * `set`/`advance` resolve once what they started has finished. Nothing here
 * reads the wall clock, so a test behaves the same at any hour.
 */
export class ManualCourtClock implements CourtClock {
  private current: number;
  private readonly wakeUps = new Set<WakeUp>();

  /** @param start an ISO instant with its offset, e.g. `2026-02-17T03:00:00+08:00` */
  constructor(start: string | DateTime) {
    this.current = toMillis(start);
  }

  now(): DateTime {
    return DateTime.fromMillis(this.current, { zone: 'utc' });
  }

  wakeAt(at: DateTime, wake: () => unknown): CancelWakeUp {
    const wakeUp = { at: at.toMillis(), wake };
    this.wakeUps.add(wakeUp);
    return () => {
      this.wakeUps.delete(wakeUp);
    };
  }

  /** Moves the clock on by `by`, firing every wake-up it passes. */
  advance(by: DurationLike): Promise<void> {
    return this.set(this.now().plus(Duration.fromDurationLike(by)));
  }

  /**
   * Moves the clock to `to` (never back), firing every wake-up due by then,
   * earliest first, each at its own instant; a wake-up armed by another is
   * fired too when it is due by `to`.
   */
  async set(to: string | DateTime): Promise<void> {
    const target = toMillis(to);
    if (target < this.current) {
      throw new Error(
        `The court clock does not go back (from ${this.now().toISO()})`,
      );
    }
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > target) break;
      this.wakeUps.delete(next);
      this.current = Math.max(this.current, next.at);
      await next.wake();
    }
    this.current = target;
  }

  private earliest(): WakeUp | undefined {
    let first: WakeUp | undefined;
    for (const wakeUp of this.wakeUps) {
      if (!first || wakeUp.at < first.at) first = wakeUp;
    }
    return first;
  }
}

function toMillis(instant: string | DateTime): number {
  // An instant without its offset would depend on the machine's time zone.
  if (typeof instant === 'string' && !/(Z|[+-]\d\d:?\d\d)$/i.test(instant)) {
    throw new Error(`Name the offset of the instant ${instant}`);
  }
  const at =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { setZone: true })
      : instant;
  if (!at.isValid) {
    throw new Error(`Not an instant: ${String(instant)}`);
  }
  return at.toMillis();
}
