import type { ReassignmentResult } from '@internal/plugin-access-common';
import type { TicketsApi } from '@internal/plugin-tickets-common';
import { OPEN_STATUSES } from '@internal/plugin-tickets-common';

/** Tries a ticket whose version moved under the reassignment once more. */
const ATTEMPTS = 2;

/**
 * Moves every open ticket of one engineer to another through the tickets
 * API (so the tickets family's own rules, log and approval check apply),
 * each with a comment naming who reassigned it and why.
 */
export async function reassignOpenTickets(options: {
  tickets: TicketsApi;
  from: string;
  to: string;
  reason: string;
  actor: string;
}): Promise<ReassignmentResult> {
  const { tickets, from, to, reason, actor } = options;
  const open: { id: string; number: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await tickets.listTickets({
      assignee: from,
      open: 'true',
      limit: 100,
      cursor,
    });
    for (const ticket of page.items) {
      if ((OPEN_STATUSES as readonly string[]).includes(ticket.status)) {
        open.push({ id: ticket.id, number: ticket.number });
      }
    }
    cursor = page.nextCursor;
  } while (cursor);

  const moved: string[] = [];
  const failed: { number: string; message: string }[] = [];
  for (const ticket of open) {
    try {
      for (let attempt = 1; ; attempt++) {
        const { ticket: current } = await tickets.getTicket(ticket.id);
        if (current.assignee !== from) break;
        try {
          await tickets.act(ticket.id, {
            action: 'assign',
            assignee: to,
            version: current.version,
          });
          await tickets.addComment(ticket.id, {
            body: `信息中心改派：${from} → ${to}。原因：${reason}（${actor}）`,
          });
          moved.push(ticket.number);
          break;
        } catch (error) {
          const conflict =
            (error as { response?: { status?: number } }).response?.status ===
            409;
          if (!conflict || attempt >= ATTEMPTS) throw error;
        }
      }
    } catch (error) {
      failed.push({
        number: ticket.number,
        message: String((error as Error).message),
      });
    }
  }
  return { from, to, moved, failed };
}
