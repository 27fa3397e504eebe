import { PRIORITY_LEVELS, PriorityLevel } from '@internal/plugin-sla-common';
import { z } from 'zod';
import type { Ticket } from './types';

/**
 * What a ticket's notification carries about its ticket, in `payload.metadata.ticket`, as of the
 * send: what a notification processor (paging) needs, so that it does not read the ticket back
 * for every notification of a burst. Read with this schema: another sender's metadata, or none,
 * means reading the ticket.
 */
export const ticketNotificationFactsSchema = z.object({
  id: z.string(),
  number: z.string(),
  level: z.custom<PriorityLevel>(
    value => PRIORITY_LEVELS.includes(value as PriorityLevel),
    'is not a priority level',
  ),
  title: z.string(),
  entityRefs: z.array(z.string()),
  /** The SLA clocks' due instants (a type without clocks has none). */
  dueAt: z.object({
    response: z.string().optional(),
    arrival: z.string().optional(),
    resolution: z.string().optional(),
  }),
});

export type TicketNotificationFacts = z.infer<
  typeof ticketNotificationFactsSchema
>;

/** The facts of a ticket as the tickets API presents it. */
export function ticketNotificationFactsOf(
  ticket: Pick<Ticket, 'id' | 'number' | 'level' | 'title' | 'entityRefs'> & {
    clocks?: Partial<
      Record<'response' | 'arrival' | 'resolution', { dueAt?: string }>
    >;
  },
): TicketNotificationFacts {
  const { clocks } = ticket;
  return {
    id: ticket.id,
    number: ticket.number,
    level: ticket.level,
    title: ticket.title,
    entityRefs: [...ticket.entityRefs],
    dueAt: {
      response: clocks?.response?.dueAt,
      arrival: clocks?.arrival?.dueAt,
      resolution: clocks?.resolution?.dueAt,
    },
  };
}
