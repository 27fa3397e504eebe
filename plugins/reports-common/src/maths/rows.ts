import type { ChangeFact, TicketFact } from '../facts';
import type { PeriodWindow } from '../period';
import { clockStanding } from './clocks';
import { WindowRange, onDayOf, windowRange, within } from './window';

function ticketCounts(ticket: TicketFact, range: WindowRange): boolean {
  return (
    within(range, ticket.createdAt) ||
    within(range, ticket.resolvedAt ?? ticket.closedAt) ||
    within(range, ticket.calledBackAt) ||
    ticket.clocks.some(
      clock =>
        within(range, clock.stoppedAt) ||
        clockStanding(clock, range) !== undefined,
    ) ||
    ticket.workLogs.some(log => onDayOf(range, log.workDate))
  );
}

function changeCounts(change: ChangeFact, range: WindowRange): boolean {
  return (
    within(range, change.filedAt) ||
    within(range, change.decidedAt) ||
    within(range, change.finishedAt) ||
    change.workLogs.some(log => onDayOf(range, log.workDate))
  );
}

/**
 * The tickets and changes that count in some figure of the period: the rows behind its figures
 * (the Excel workbook's raw rows, the page's drill-down). `ticketFigures` on these alone gives
 * the same figures as on any larger selection.
 */
export function factsCountingIn(
  tickets: readonly TicketFact[],
  changes: readonly ChangeFact[],
  window: PeriodWindow,
): { tickets: TicketFact[]; changes: ChangeFact[] } {
  const range = windowRange(window);
  return {
    tickets: tickets.filter(ticket => ticketCounts(ticket, range)),
    changes: changes.filter(change => changeCounts(change, range)),
  };
}
