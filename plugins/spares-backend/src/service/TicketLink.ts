import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, ResponseError } from '@backstage/errors';
import { Ticket } from '@internal/plugin-tickets-common';
import { TicketsService } from '@internal/plugin-tickets-node';

/**
 * The service desk as the spares family uses it, on behalf of the engineer:
 * the ticket or change a part is issued against, and the work note that puts
 * the part (or the repair) on the ticket.
 */
export class TicketLink {
  constructor(
    private readonly deps: { tickets: TicketsService; logger: LoggerService },
  ) {}

  /** @throws InputError naming `field` when there is no such ticket the caller may read */
  async ticket(
    number: string,
    caller: BackstageCredentials,
    field: string,
  ): Promise<Ticket> {
    try {
      return (await this.deps.tickets.as(caller).getTicket(number)).ticket;
    } catch (error) {
      throw translate(error, `${field}: no ticket ${number} that you may read`);
    }
  }

  /** @throws InputError naming `field` when there is no such change the caller may read */
  async change(
    number: string,
    caller: BackstageCredentials,
    field: string,
  ): Promise<Ticket> {
    try {
      return (await this.deps.tickets.as(caller).getChange(number)).change;
    } catch (error) {
      throw translate(error, `${field}: no change ${number} that you may read`);
    }
  }

  /**
   * A note on the ticket, after the spares record is committed: the record
   * stands when the desk cannot be reached, and the failure is logged.
   */
  async note(ticketId: string, body: string, caller: BackstageCredentials) {
    try {
      await this.deps.tickets.as(caller).addComment(ticketId, { body });
      return true;
    } catch (error) {
      this.deps.logger.warn(
        `could not note on ticket ${ticketId}: ${(error as Error).message}`,
      );
      return false;
    }
  }
}

function translate(error: unknown, notFound: string): Error {
  if (ResponseError.is(error)) {
    if (error.statusCode === 404) return new InputError(notFound);
    if (error.statusCode === 403) {
      return new NotAllowedError(`the service desk refused: ${error.message}`);
    }
  }
  return error as Error;
}
