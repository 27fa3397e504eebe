import { ConflictError, NotFoundError } from '@backstage/errors';
import { TicketLink, WorkLog } from '@internal/plugin-tickets-common';
import { Knex } from 'knex';
import { NewTicketEvent, StoredEvent } from './rows';
import { logColumnsAppended } from './logColumns';

/**
 * A ticket's history: its numbered event log, work logs and links. Entries
 * are only added; a ticket's own changes write their events in their
 * transaction through {@link appendEvents}.
 */
export interface TicketHistoryStore {
  /**
   * Appends to a ticket without changing its state (a comment, a work log,
   * a link), so it needs no version; `extra` writes the row that goes with it.
   */
  append(
    id: string,
    event: NewTicketEvent,
    extra?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<StoredEvent>;
  addWorkLog(id: string, event: NewTicketEvent, log: WorkLog): Promise<void>;
  addLink(id: string, event: NewTicketEvent, link: TicketLink): Promise<void>;
  events(ticketId: string): Promise<StoredEvent[]>;
  /** The logs of several tickets, one query per 500. */
  eventsOf(ticketIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  workLogs(ticketId: string): Promise<WorkLog[]>;
  links(ticketId: string): Promise<TicketLink[]>;
}

export class DatabaseTicketHistoryStore implements TicketHistoryStore {
  constructor(private readonly db: Knex) {}

  async append(
    id: string,
    event: NewTicketEvent,
    extra?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<StoredEvent> {
    return this.db.transaction(async trx => {
      // Touching the row first serialises concurrent appends on PostgreSQL.
      const touched = await trx('tickets')
        .where({ id })
        .update({ updated_at: event.at, ...logColumnsAppended(trx, [event]) });
      if (touched === 0) {
        throw new NotFoundError(`no ticket ${id}`);
      }
      const seq = await appendEvents(trx, id, [event]);
      await extra?.(trx);
      return { ...event, seq };
    });
  }

  async addWorkLog(id: string, event: NewTicketEvent, log: WorkLog) {
    await this.append(id, event, async trx => {
      await trx('ticket_work_logs').insert({
        id: log.id,
        ticket_id: id,
        engineer: log.engineer,
        minutes: log.minutes,
        work_date: log.workDate,
        note: log.note,
        logged_by: log.loggedBy,
        logged_at: log.loggedAt,
      });
    });
  }

  async addLink(id: string, event: NewTicketEvent, link: TicketLink) {
    await this.append(id, event, async trx => {
      const existing = await trx('ticket_links')
        .where({ ticket_id: id, kind: link.kind, target: link.target })
        .first();
      if (existing) {
        throw new ConflictError(`the ticket already links ${link.target}`);
      }
      await trx('ticket_links').insert({
        ticket_id: id,
        kind: link.kind,
        target: link.target,
        relation: link.relation,
        created_by: link.createdBy,
        created_at: link.createdAt,
      });
    });
  }

  async events(ticketId: string): Promise<StoredEvent[]> {
    return (await this.eventsOf([ticketId])).get(ticketId) ?? [];
  }

  async eventsOf(
    ticketIds: readonly string[],
  ): Promise<Map<string, StoredEvent[]>> {
    const byTicket = new Map<string, StoredEvent[]>();
    for (let i = 0; i < ticketIds.length; i += 500) {
      const rows = await this.db('ticket_events')
        .whereIn('ticket_id', ticketIds.slice(i, i + 500))
        .orderBy([{ column: 'ticket_id' }, { column: 'seq' }]);
      for (const row of rows) {
        const list = byTicket.get(row.ticket_id) ?? [];
        list.push({
          seq: Number(row.seq),
          type: row.type,
          at: row.at,
          actor: row.actor,
          data: JSON.parse(row.data),
        });
        byTicket.set(row.ticket_id, list);
      }
    }
    return byTicket;
  }

  async workLogs(ticketId: string): Promise<WorkLog[]> {
    const rows = await this.db('ticket_work_logs')
      .where({ ticket_id: ticketId })
      .orderBy([{ column: 'work_date' }, { column: 'logged_at' }]);
    return rows.map(row => ({
      id: row.id,
      engineer: row.engineer,
      minutes: Number(row.minutes),
      workDate: row.work_date,
      note: row.note,
      loggedBy: row.logged_by,
      loggedAt: row.logged_at,
    }));
  }

  async links(ticketId: string): Promise<TicketLink[]> {
    const rows = await this.db('ticket_links')
      .where({ ticket_id: ticketId })
      .orderBy('created_at');
    return rows.map(row => ({
      kind: row.kind,
      target: row.target,
      relation: row.relation,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }));
  }
}

/**
 * Numbers `events` after the ticket's last one and writes them inside the
 * caller's transaction; a new ticket passes `after: 0` and skips the lookup.
 * Returns the last number written.
 */
export async function appendEvents(
  trx: Knex.Transaction,
  ticketId: string,
  events: readonly NewTicketEvent[],
  after?: number,
): Promise<number> {
  const last = after ?? (await lastSeq(trx, ticketId));
  if (events.length === 0) return last;
  await trx('ticket_events').insert(
    events.map((event, i) => ({
      ticket_id: ticketId,
      seq: last + i + 1,
      type: event.type,
      at: event.at,
      actor: event.actor,
      data: JSON.stringify(event.data),
    })),
  );
  return last + events.length;
}

async function lastSeq(trx: Knex.Transaction, ticketId: string) {
  const row = await trx('ticket_events')
    .where({ ticket_id: ticketId })
    .max({ seq: 'seq' })
    .first();
  return Number(row?.seq ?? 0);
}
