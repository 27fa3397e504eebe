import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { TicketsService } from '@internal/plugin-tickets-node';

/** Where paging writes what it did: the ticket's history. */
export interface PageHistory {
  record(ticketId: string | undefined, text: string): Promise<void>;
}

/**
 * Each page, delivery result, retry and acknowledgement as a comment on the
 * ticket, by `plugin:paging` (the tickets API's comment is its one way in for
 * another family; its history shows the author). A failure is logged: the
 * delivery it describes has happened either way.
 */
export class TicketCommentHistory implements PageHistory {
  constructor(
    private readonly deps: {
      tickets: TicketsService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async record(ticketId: string | undefined, text: string) {
    if (!ticketId) return;
    try {
      const credentials = await this.deps.auth.getOwnServiceCredentials();
      await this.deps.tickets
        .as(credentials)
        .addComment(ticketId, { body: `[寻呼] ${text}` });
    } catch (error) {
      this.deps.logger.warn(
        `paging history for ticket ${ticketId} not recorded: ${error}`,
      );
    }
  }
}
