import type { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import type { TicketFact } from './facts';
import { clockStanding } from './maths/clocks';
import { createdIn } from './maths/services';
import { onDayOf, windowRange } from './maths/window';
import type { PeriodWindow } from './period';

/** What a tile or table cell of the report page counts, as the drill-down asks for it. */
export type ReportSelection =
  /** Tickets created in the period, of one type or about one system when given. */
  | {
      readonly figure: 'services';
      readonly type?: TicketFact['type'];
      readonly systemRef?: string;
    }
  /** Tickets with a clock met, breached or still running in the period, by clock, level, system. */
  | {
      readonly figure: 'compliance';
      readonly outcome: 'met' | 'breached' | 'running';
      readonly clock?: ClockName;
      readonly level?: PriorityLevel;
      readonly systemRef?: string;
    }
  /** Tickets with work logged on the period's days, by one engineer when given. */
  | { readonly figure: 'work'; readonly engineer?: string };

const about = (ticket: TicketFact, systemRef?: string) =>
  systemRef === undefined || ticket.systemRefs.includes(systemRef);

/**
 * The very tickets a figure counted: the drill-down behind a tile or a cell, by the figures' own
 * rules (`maths/`), so the list and the count cannot disagree. Rows outside the period (the
 * backend may send more) are left out.
 */
export function ticketsCounted(
  tickets: readonly TicketFact[],
  selection: ReportSelection,
  window: PeriodWindow,
): TicketFact[] {
  const range = windowRange(window);
  switch (selection.figure) {
    case 'services':
      return createdIn(tickets, range).filter(
        ticket =>
          (selection.type === undefined || ticket.type === selection.type) &&
          about(ticket, selection.systemRef),
      );
    case 'compliance':
      return tickets.filter(
        ticket =>
          about(ticket, selection.systemRef) &&
          ticket.clocks.some(
            clock =>
              (selection.clock === undefined ||
                clock.clock === selection.clock) &&
              (selection.level === undefined ||
                clock.level === selection.level) &&
              clockStanding(clock, range) === selection.outcome,
          ),
      );
    case 'work':
      return tickets.filter(ticket =>
        ticket.workLogs.some(
          log =>
            onDayOf(range, log.workDate) &&
            (selection.engineer === undefined ||
              log.engineer === selection.engineer),
        ),
      );
    default:
      return [];
  }
}
