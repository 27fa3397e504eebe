import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, ResponseError } from '@backstage/errors';
import { TicketDetail } from '@internal/plugin-tickets-common';
import { TicketsService } from '@internal/plugin-tickets-node';

/**
 * The service desk's API, called on behalf of the user who asked: what they
 * may not read or link there, the knowledge base does not do for them.
 */
export class TicketGateway {
  constructor(private readonly tickets: TicketsService) {}

  /**
   * @param field the request field naming the ticket, for errors
   * @throws InputError when there is no such ticket the caller may read
   */
  async getTicket(
    number: string,
    caller: BackstageCredentials,
    field: string,
  ): Promise<TicketDetail> {
    try {
      return await this.tickets.as(caller).getTicket(number);
    } catch (error) {
      throw translate(error, `${field}: no ticket ${number} that you may read`);
    }
  }

  /** Links the article to the ticket, e.g. a problem to its known error. */
  async linkArticle(
    ticketId: string,
    articleId: string,
    caller: BackstageCredentials,
  ): Promise<void> {
    try {
      await this.tickets.as(caller).addLink(ticketId, {
        kind: 'article',
        target: articleId,
        relation: 'related',
      });
    } catch (error) {
      throw translate(error, `the ticket could not be linked to ${articleId}`);
    }
  }
}

/** The desk's refusal in the knowledge base's terms; other failures as they are. */
function translate(error: unknown, notFound: string): Error {
  if (ResponseError.is(error)) {
    if (error.statusCode === 404) return new InputError(notFound);
    if (error.statusCode === 403) {
      return new NotAllowedError(`the service desk refused: ${error.message}`);
    }
  }
  return error as Error;
}
