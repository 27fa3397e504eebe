import { ClockName, PriorityLevel } from '../policy/types';
import { Instant } from '../time/instant';
import { PauseReason } from './events';

/**
 * - `not-applicable`: no clock at this level (L4), and none breached before
 * - `not-started`: the event it counts from (arrival) has not happened
 * - `running`: counting (in its calendar's open time)
 * - `paused`: the resolution clock while the ticket waits
 * - `met`: stopped within the target (a clock without a target is met when it stops)
 * - `breached`: the target was used up while the clock ran; stays so
 */
export type ClockState =
  | 'not-applicable'
  | 'not-started'
  | 'running'
  | 'paused'
  | 'met'
  | 'breached';

export interface SlaWarning {
  /** Fraction of the target, e.g. 0.75. */
  readonly threshold: number;
  readonly at: Instant;
  /** True when `at` is after `now`: when the clock will get there if nothing happens. */
  readonly upcoming: boolean;
}

/** One clock of a ticket as of `now`. Durations are milliseconds of open time. */
export interface ClockStatus {
  readonly clock: ClockName;
  readonly state: ClockState;
  /** The level in force; a stopped clock keeps the level it stopped at. */
  readonly level: PriorityLevel;
  /** Absent when the clock has no target (L1 resolution) or no rule. */
  readonly targetMs?: number;
  /** Id of the calendar the clock counts in. */
  readonly calendar?: string;
  readonly startedAt?: Instant;
  /**
   * When the target is used up: upcoming for a running clock, the breach for a
   * breached one, as it stood when a met clock stopped; absent while paused.
   */
  readonly dueAt?: Instant;
  readonly elapsedMs: number;
  /** Open time that passed while paused, which did not count. */
  readonly pausedMs: number;
  /** targetMs − elapsedMs; negative once overrun. */
  readonly remainingMs?: number;
  /** elapsedMs as a percentage of targetMs; above 100 once overrun. */
  readonly percentConsumed?: number;
  readonly warnings: readonly SlaWarning[];
  readonly stoppedAt?: Instant;
  readonly metAt?: Instant;
  readonly breachedAt?: Instant;
}

export type TicketStatus = 'open' | 'paused' | 'resolved' | 'closed';

/** All clocks of a ticket as of `now`. */
export interface TicketClocks {
  readonly level: PriorityLevel;
  readonly status: TicketStatus;
  readonly pauseReason?: PauseReason;
  readonly response: ClockStatus;
  readonly arrival: ClockStatus;
  readonly resolution: ClockStatus;
  /** The earliest upcoming warning or breach of any clock, if any is running. */
  readonly nextWakeUp?: Instant;
}
