import type { TicketFact } from '../facts';
import type { TicketFigures } from '../figures';
import { rate } from './stats';
import { WindowRange, beforeEnd, within } from './window';

/** Resolved when the period ended (the facts keep the last resolution; a closed ticket was resolved). */
function resolvedByEnd(ticket: TicketFact, range: WindowRange): boolean {
  return beforeEnd(range, ticket.resolvedAt ?? ticket.closedAt);
}

function reopenedByEnd(ticket: TicketFact, range: WindowRange): boolean {
  return ticket.reopenedAt.some(at => beforeEnd(range, at));
}

/** The services the desk fixes: incidents and service requests. */
function isFix(ticket: TicketFact): boolean {
  return ticket.type === 'incident' || ticket.type === 'service-request';
}

/**
 * The rates of the period. Incident resolution, first-contact resolution and reopen rate follow
 * the tickets created in the period (as the services do) to the period's end; problem
 * resolution takes the problems resolved in the period.
 */
export function rateFigures(
  tickets: readonly TicketFact[],
  created: readonly TicketFact[],
  range: WindowRange,
): TicketFigures['rates'] {
  const incidents = created.filter(ticket => ticket.type === 'incident');
  const problemsResolved = tickets.filter(
    ticket =>
      ticket.type === 'problem' &&
      within(range, ticket.resolvedAt ?? ticket.closedAt),
  );
  const fixesResolved = created.filter(
    ticket => isFix(ticket) && resolvedByEnd(ticket, range),
  );
  const firstContact = fixesResolved.filter(
    ticket =>
      ticket.reassignments === 0 &&
      ticket.arrivedAt === undefined &&
      !reopenedByEnd(ticket, range),
  );
  const everResolved = created.filter(
    ticket =>
      isFix(ticket) &&
      (resolvedByEnd(ticket, range) || reopenedByEnd(ticket, range)),
  );
  return {
    incidentResolution: rate(
      incidents.filter(ticket => resolvedByEnd(ticket, range)).length,
      incidents.length,
    ),
    problemResolution: rate(
      problemsResolved.filter(ticket => ticket.knownErrorArticle !== undefined)
        .length,
      problemsResolved.length,
    ),
    firstContactResolution: rate(firstContact.length, fixesResolved.length),
    reopen: rate(
      everResolved.filter(ticket => reopenedByEnd(ticket, range)).length,
      everResolved.length,
    ),
  };
}

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** Call-back satisfaction recorded in the period (the last call-back of each ticket). */
export function satisfactionFigures(
  tickets: readonly TicketFact[],
  range: WindowRange,
): TicketFigures['satisfaction'] {
  const scores = tickets
    .filter(ticket => within(range, ticket.calledBackAt))
    .map(ticket => ticket.satisfaction)
    .filter(
      (score): score is number =>
        score !== undefined &&
        Number.isInteger(score) &&
        score >= 1 &&
        score <= 5,
    );
  const distribution = Object.fromEntries(
    SCORES.map(score => [
      score,
      scores.filter(s => String(s) === score).length,
    ]),
  ) as Record<(typeof SCORES)[number], number>;
  if (scores.length === 0) return { count: 0, distribution };
  return {
    count: scores.length,
    mean: scores.reduce((sum, s) => sum + s, 0) / scores.length,
    distribution,
  };
}
