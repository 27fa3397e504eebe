import type {
  ClockName,
  Instant,
  PriorityLevel,
} from '@internal/plugin-sla-common';
import type {
  ChangeOutcome,
  ChangeStatus,
  RiskLevel,
  ServiceRequestCategory,
  TicketChannel,
  TicketStatus,
  TicketType,
} from '@internal/plugin-tickets-common';

/**
 * The facts each family reports about its own data for a period: one row per ticket, change,
 * round or article, with just what the report maths needs. These are the raw rows behind every
 * figure: the Excel workbook carries them so the court can recount, and the report page drills
 * down to them. Instants are UTC ISO strings.
 */

/** One SLA clock of a ticket, as the tickets backend's projection holds it. */
export interface TicketClockFact {
  readonly clock: ClockName;
  /** The level the clock ran at when it ended (after any reprioritisation). */
  readonly level: PriorityLevel;
  readonly startedAt?: Instant;
  /** When the clock stopped (the response, the arrival, the resolution). */
  readonly stoppedAt?: Instant;
  /** When its target ran out while it ran, if it did. */
  readonly breachedAt?: Instant;
  /** Open time counted, in milliseconds: to the stop, or so far. */
  readonly elapsedMs: number;
  /** Time paused (the resolution clock while the ticket waited), in milliseconds. */
  readonly pausedMs: number;
}

export interface WorkLogFact {
  /** User entity ref. */
  readonly engineer: string;
  readonly minutes: number;
  /** The day worked, in the court's zone. */
  readonly workDate: string;
}

export interface TicketFact {
  readonly id: string;
  /** INC-2026-00042 */
  readonly number: string;
  readonly title: string;
  readonly type: Exclude<TicketType, 'change'>;
  readonly category?: ServiceRequestCategory;
  readonly channel: TicketChannel;
  /** The ticket's level now. */
  readonly level: PriorityLevel;
  readonly status: TicketStatus;
  readonly entityRefs: readonly string[];
  readonly systemRefs: readonly string[];
  readonly assignee?: string;
  readonly createdAt: Instant;
  /** The first time an engineer arrived on site, if one did. */
  readonly arrivedAt?: Instant;
  /** The last resolution, if it is resolved now. */
  readonly resolvedAt?: Instant;
  readonly closedAt?: Instant;
  /** Every reopening after a resolution. */
  readonly reopenedAt: readonly Instant[];
  /** How many times it was handed to another engineer or group after the first assignment. */
  readonly reassignments: number;
  /** A problem's known-error article (a resolution that names one), if any. */
  readonly knownErrorArticle?: string;
  /** The last call-back's satisfaction (1–5), and when it was recorded. */
  readonly satisfaction?: number;
  readonly calledBackAt?: Instant;
  readonly workLogs: readonly WorkLogFact[];
  /** Absent for types without SLA clocks (problems, complaints). */
  readonly clocks: readonly TicketClockFact[];
}

/** One change (CHG), as the changes register holds it. */
export interface ChangeFact {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly status: ChangeStatus;
  readonly emergency: boolean;
  readonly risk: RiskLevel;
  readonly entityRefs: readonly string[];
  readonly systemRefs: readonly string[];
  /** Filed (submitted for approval, or registered after the fact for an emergency). */
  readonly filedAt: Instant;
  readonly decision?: 'approved' | 'rejected';
  readonly decidedAt?: Instant;
  readonly outcome?: ChangeOutcome;
  readonly finishedAt?: Instant;
  readonly workLogs: readonly WorkLogFact[];
}
