import {
  AuthService,
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
    private readonly deps: {
      tickets: TicketsService;
      logger: LoggerService;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    },
  ) {}

  /**
   * The tickets paused waiting for this part type, asked with the spares
   * plugin's own credentials: a receipt tells whoever waits, whoever records it.
   * An unreachable desk is logged and finds none: the receipt stands.
   */
  async awaiting(partTypeId: string): Promise<Ticket[]> {
    const { tickets, auth, logger } = this.deps;
    const found: Ticket[] = [];
    try {
      const desk = tickets.as(await auth.getOwnServiceCredentials());
      let cursor: string | undefined;
      do {
        const page = await desk.listTickets({
          awaitingPart: partTypeId,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        found.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    } catch (error) {
      logger.warn(
        `could not find the tickets waiting for ${partTypeId}: ${
          (error as Error).message
        }`,
      );
    }
    return found;
  }

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
