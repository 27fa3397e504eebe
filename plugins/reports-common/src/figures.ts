import type { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import type {
  ServiceRequestCategory,
  TicketChannel,
  TicketType,
} from '@internal/plugin-tickets-common';
import type { ChangeFact, TicketFact } from './facts';
import type { PeriodWindow } from './period';
import { changeFigures } from './maths/changes';
import { complianceFigures, timeFigures } from './maths/clocks';
import { rateFigures, satisfactionFigures } from './maths/rates';
import { createdIn, serviceFigures, topFigures } from './maths/services';
import { workFigures } from './maths/work';
import { windowRange } from './maths/window';

export { factsCountingIn } from './maths/rows';
export { durationStats, rate } from './maths/stats';

/**
 * The figures of a service report (RPT-1, SLA-5). Each is defined, with its formula and edge
 * cases, in docs/reports.md; the functions here are the only place they are computed.
 */

/** count, mean, median, p90, max of durations in milliseconds; the statistics are absent when count is 0. */
export interface DurationStats {
  readonly count: number;
  readonly meanMs?: number;
  readonly medianMs?: number;
  readonly p90Ms?: number;
  readonly maxMs?: number;
}

/** A share: `part` of `whole`, and the percentage (absent when `whole` is 0). */
export interface Rate {
  readonly part: number;
  readonly whole: number;
  readonly percent?: number;
}

/** The outcomes of clocks: met and breached in the period, still running at its end. */
export interface ComplianceCounts {
  readonly met: number;
  readonly breached: number;
  readonly running: number;
  /** met / (met + breached), absent when both are 0. */
  readonly percent?: number;
}

export interface Breach {
  readonly ticketId: string;
  readonly number: string;
  readonly title: string;
  readonly clock: ClockName;
  readonly level: PriorityLevel;
  readonly systemRefs: readonly string[];
  readonly breachedAt: string;
}

export interface TicketFigures {
  readonly services: {
    readonly total: number;
    readonly byType: Readonly<Record<Exclude<TicketType, 'change'>, number>>;
    readonly byCategory: Readonly<Record<ServiceRequestCategory, number>>;
    readonly byChannel: Readonly<Record<TicketChannel, number>>;
    /** Per system ref, largest first; a ticket about two systems counts once in each. */
    readonly bySystem: ReadonlyArray<{
      readonly systemRef: string;
      readonly count: number;
    }>;
  };
  /** Per clock × level: how long the clocks that stopped in the period ran, and paused. */
  readonly times: ReadonlyArray<{
    readonly clock: ClockName;
    readonly level: PriorityLevel;
    readonly elapsed: DurationStats;
    readonly pausedMs: number;
  }>;
  readonly compliance: {
    readonly total: ComplianceCounts;
    readonly byLevel: ReadonlyArray<
      {
        readonly clock: ClockName;
        readonly level: PriorityLevel;
      } & ComplianceCounts
    >;
    readonly bySystem: ReadonlyArray<
      {
        readonly systemRef: string;
        readonly clock: ClockName;
      } & ComplianceCounts
    >;
    readonly breaches: readonly Breach[];
  };
  /** Minutes worked (work logs dated in the period). */
  readonly workMinutes: {
    readonly total: number;
    readonly byEngineer: ReadonlyArray<{
      readonly engineer: string;
      readonly minutes: number;
    }>;
    readonly byType: Readonly<Record<TicketType, number>>;
    readonly bySystem: ReadonlyArray<{
      readonly systemRef: string;
      readonly minutes: number;
    }>;
  };
  readonly rates: {
    readonly incidentResolution: Rate;
    readonly problemResolution: Rate;
    readonly firstContactResolution: Rate;
    readonly reopen: Rate;
  };
  readonly satisfaction: {
    readonly count: number;
    readonly mean?: number;
    /** How many call-backs gave 1, 2, 3, 4, 5. */
    readonly distribution: Readonly<
      Record<'1' | '2' | '3' | '4' | '5', number>
    >;
  };
  readonly changes: {
    readonly filed: number;
    readonly approved: number;
    readonly rejected: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly rolledBack: number;
    readonly emergency: number;
    /** succeeded / (succeeded + failed + rolled back) of the changes finished in the period. */
    readonly successRate: Rate;
  };
  /** Incidents in the period per device and per system, most first (ten each). */
  readonly topDevices: ReadonlyArray<{
    readonly entityRef: string;
    readonly incidents: number;
  }>;
  readonly topSystems: ReadonlyArray<{
    readonly systemRef: string;
    readonly incidents: number;
  }>;
}

/**
 * The ticket and change figures of a period from the facts of every ticket and change that may
 * count in it (the tickets backend selects them; extra rows outside the window count nowhere).
 * Each figure's rule is in docs/reports.md.
 */
export function ticketFigures(
  tickets: readonly TicketFact[],
  changes: readonly ChangeFact[],
  window: PeriodWindow,
): TicketFigures {
  const range = windowRange(window);
  const created = createdIn(tickets, range);
  return {
    services: serviceFigures(created),
    times: timeFigures(tickets, range),
    compliance: complianceFigures(tickets, range),
    workMinutes: workFigures(tickets, changes, range),
    rates: rateFigures(tickets, created, range),
    satisfaction: satisfactionFigures(tickets, range),
    changes: changeFigures(changes, range),
    ...topFigures(created),
  };
}

/** The facts that count for one system: per-system figures are the court's maths on these. */
export function factsOfSystem<
  T extends { readonly systemRefs: readonly string[] },
>(facts: readonly T[], systemRef: string): T[] {
  return facts.filter(f => f.systemRefs.includes(systemRef));
}
