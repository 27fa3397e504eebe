import type { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import type { TicketClockFact, TicketFact } from './facts';
import type { PeriodWindow } from './period';

/** Where a clock's outcome falls for a period (docs/reports.md, "SLA compliance"). */
export type ClockOutcome = 'met' | 'breached' | 'running';

const within = (instant: string | undefined, window: PeriodWindow) =>
  instant !== undefined &&
  Date.parse(instant) >= Date.parse(window.start) &&
  Date.parse(instant) < Date.parse(window.end);

const before = (instant: string | undefined, end: string) =>
  instant !== undefined && Date.parse(instant) < Date.parse(end);

/**
 * The outcome a clock counts as in a period, or undefined when it counts elsewhere: `met` when
 * it stopped in the period within target, `breached` when its target ran out in the period,
 * `running` when it started before the period's end and neither stopped nor breached before it.
 * Each clock counts once at most, so a quarter's met and breached are its months' sums.
 */
export function clockOutcome(
  clock: TicketClockFact,
  window: PeriodWindow,
): ClockOutcome | undefined {
  const breachedFirst =
    clock.breachedAt !== undefined &&
    (clock.stoppedAt === undefined ||
      Date.parse(clock.breachedAt) <= Date.parse(clock.stoppedAt));
  if (breachedFirst) {
    if (within(clock.breachedAt, window)) return 'breached';
  } else if (within(clock.stoppedAt, window)) {
    return 'met';
  }
  if (
    before(clock.startedAt, window.end) &&
    !before(clock.stoppedAt, window.end) &&
    !before(clock.breachedAt, window.end)
  ) {
    return 'running';
  }
  return undefined;
}

/** What a tile or table cell of the report page counts, as the drill-down asks for it. */
export type ReportSelection =
  /** Tickets created in the period, of one type or about one system when given. */
  | {
      readonly figure: 'services';
      readonly type?: TicketFact['type'];
      readonly systemRef?: string;
    }
  /** Tickets with a clock of that outcome in the period, narrowed by clock, level, system. */
  | {
      readonly figure: 'compliance';
      readonly outcome: ClockOutcome;
      readonly clock?: ClockName;
      readonly level?: PriorityLevel;
      readonly systemRef?: string;
    }
  /** Tickets with work logged in the period, by one engineer when given. */
  | { readonly figure: 'work'; readonly engineer?: string };

/** The date (YYYY-MM-DD) range of a window's days, for work logs dated in the court's zone. */
export interface PeriodDays {
  readonly from: string;
  readonly to: string;
}

/**
 * The very tickets a figure counted: the drill-down behind a tile or a cell, by the same rules
 * as the figures. Rows outside the period (the backend may send more) are left out.
 */
export function ticketsCounted(
  tickets: readonly TicketFact[],
  selection: ReportSelection,
  window: PeriodWindow,
  days: PeriodDays,
): TicketFact[] {
  return tickets.filter(ticket => {
    switch (selection.figure) {
      case 'services':
        return (
          within(ticket.createdAt, window) &&
          (selection.type === undefined || ticket.type === selection.type) &&
          (selection.systemRef === undefined ||
            ticket.systemRefs.includes(selection.systemRef))
        );
      case 'compliance':
        return (
          (selection.systemRef === undefined ||
            ticket.systemRefs.includes(selection.systemRef)) &&
          ticket.clocks.some(
            clock =>
              (selection.clock === undefined ||
                clock.clock === selection.clock) &&
              (selection.level === undefined ||
                clock.level === selection.level) &&
              clockOutcome(clock, window) === selection.outcome,
          )
        );
      case 'work':
        return ticket.workLogs.some(
          log =>
            log.workDate >= days.from &&
            log.workDate <= days.to &&
            (selection.engineer === undefined ||
              log.engineer === selection.engineer),
        );
      default:
        return false;
    }
  });
}
