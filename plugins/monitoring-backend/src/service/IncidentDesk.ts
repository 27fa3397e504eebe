import { Caller } from '@internal/plugin-court-node';
import {
  CreateTicketRequest,
  isActionAllowed,
} from '@internal/plugin-tickets-common';
import { TicketsService } from '@internal/plugin-tickets-node';

/** What the intake asks of the service desk, always as the delivering source. */
export interface IncidentDesk {
  /** Files an incident; the same `sourceRef` again gives the first ticket. */
  file(request: CreateTicketRequest, as: Caller): Promise<string>;
  /** An event on the ticket's history (cleared, firing again, flapping). */
  note(ticketNumber: string, body: string, as: Caller): Promise<void>;
  /** Links `child` under the storm's parent ticket. */
  link(parent: string, child: string, as: Caller): Promise<void>;
  /** Resolves it when its state allows; false when it does not (e.g. still new). */
  resolve(
    ticketNumber: string,
    resolution: string,
    as: Caller,
  ): Promise<boolean>;
  /** Whether the ticket is done with (resolved or closed). */
  isDone(ticketNumber: string, as: Caller): Promise<boolean>;
}

/** The desk through the tickets API, signed with the source's credentials. */
export function ticketsDesk(tickets: TicketsService): IncidentDesk {
  return {
    async file(request, as) {
      return (await tickets.as(as).createTicket(request)).number;
    },
    async note(ticketNumber, body, as) {
      await tickets.as(as).addComment(ticketNumber, { body });
    },
    async link(parent, child, as) {
      await tickets.as(as).addLink(parent, {
        kind: 'ticket',
        target: child,
        relation: 'related',
      });
    },
    async resolve(ticketNumber, resolution, as) {
      const api = tickets.as(as);
      const { ticket } = await api.getTicket(ticketNumber);
      if (!isActionAllowed(ticket.type, ticket.status, 'resolve')) return false;
      await api.act(ticketNumber, {
        action: 'resolve',
        version: ticket.version,
        resolution,
      });
      return true;
    },
    async isDone(ticketNumber, as) {
      const { ticket } = await tickets.as(as).getTicket(ticketNumber);
      return ticket.status === 'resolved' || ticket.status === 'closed';
    },
  };
}
