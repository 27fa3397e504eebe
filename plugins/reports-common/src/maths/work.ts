import { TICKET_TYPES } from '@internal/plugin-tickets-common';
import type { TicketType } from '@internal/plugin-tickets-common';
import type { ChangeFact, TicketFact, WorkLogFact } from '../facts';
import type { TicketFigures } from '../figures';
import { Tally, distinct, recordOf } from './stats';
import { WindowRange, onDayOf } from './window';

interface Worked {
  readonly type: TicketType;
  readonly systemRefs: readonly string[];
  readonly workLogs: readonly WorkLogFact[];
}

/**
 * Minutes worked on the period's days, on tickets and changes alike, whenever the ticket was
 * filed: per engineer, per type and per system (a ticket about two systems counts in each).
 */
export function workFigures(
  tickets: readonly TicketFact[],
  changes: readonly ChangeFact[],
  range: WindowRange,
): TicketFigures['workMinutes'] {
  const worked: Worked[] = [
    ...tickets,
    ...changes.map(change => ({ ...change, type: 'change' as const })),
  ];
  let total = 0;
  const byEngineer = new Tally();
  const byType = new Tally();
  const bySystem = new Tally();
  for (const item of worked) {
    const systemRefs = distinct(item.systemRefs);
    for (const log of item.workLogs) {
      if (!onDayOf(range, log.workDate)) continue;
      total += log.minutes;
      byEngineer.add(log.engineer, log.minutes);
      byType.add(item.type, log.minutes);
      for (const systemRef of systemRefs) bySystem.add(systemRef, log.minutes);
    }
  }
  return {
    total,
    byEngineer: byEngineer
      .ranked()
      .map(([engineer, minutes]) => ({ engineer, minutes })),
    byType: recordOf(TICKET_TYPES, byType),
    bySystem: bySystem
      .ranked()
      .map(([systemRef, minutes]) => ({ systemRef, minutes })),
  };
}
