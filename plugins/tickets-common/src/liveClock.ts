import type { ClockStatus, Instant } from '@internal/plugin-sla-common';

/** A clock as a countdown shows it at `now`. */
export interface LiveClock {
  /** Until the breach instant; negative once overrun. */
  readonly remainingMs?: number;
  readonly percentConsumed?: number;
  readonly breached: boolean;
}

/**
 * Advances a clock the server computed at `asOf` to `now` for a live
 * countdown. The breach instant (`dueAt`) is exact whatever the calendar;
 * between them the clock is assumed to count wall time, which holds while
 * its calendar is open, and a refetch corrects it otherwise.
 */
export function liveClock(
  clock: ClockStatus,
  asOf: Instant,
  now: number,
): LiveClock {
  const breached = clock.state === 'breached';
  if (
    clock.state !== 'running' ||
    clock.targetMs === undefined ||
    !clock.dueAt
  ) {
    return {
      remainingMs: clock.remainingMs,
      percentConsumed: clock.percentConsumed,
      breached,
    };
  }
  const remainingMs = Date.parse(clock.dueAt) - now;
  const advanced = Math.max(0, now - Date.parse(asOf));
  // Never less than the server saw, never more than wall time since then.
  const elapsed = Math.max(
    clock.elapsedMs,
    Math.min(clock.elapsedMs + advanced, clock.targetMs - remainingMs),
  );
  return {
    remainingMs,
    percentConsumed:
      clock.targetMs > 0 ? (100 * elapsed) / clock.targetMs : 100,
    breached: remainingMs <= 0,
  };
}

/** Colour band of a clock by share of target used: the queue's traffic light. */
export type ClockBand =
  | 'ok'
  | 'warning'
  | 'danger'
  | 'breached'
  | 'done'
  | 'none';

export function clockBand(clock: ClockStatus, live: LiveClock): ClockBand {
  if (live.breached) return 'breached';
  if (clock.state === 'met') return 'done';
  if (
    live.percentConsumed === undefined ||
    clock.state === 'not-applicable' ||
    clock.state === 'not-started'
  ) {
    return 'none';
  }
  if (live.percentConsumed >= 75) return 'danger';
  if (live.percentConsumed >= 50) return 'warning';
  return 'ok';
}
