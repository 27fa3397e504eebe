import type { Knex } from 'knex';

/**
 * How a filing gets its number. Numbers are gapless per prefix and year, so drawing one locks the
 * year's counter row until the filing commits: on PostgreSQL every other filing waits for it. A
 * filing is therefore written whole under a provisional number, and numbering swaps that for the
 * drawn number as the last thing before the commit, in the ticket's row and in every announcement
 * the filing queued in the tickets outbox. On PostgreSQL a deferred trigger does it inside COMMIT
 * itself (migration 20261208010000), so the lock is held for no round trip to the backend at all:
 * under load each round trip waited for a busy event loop. SQLite has one writer and no deferred
 * triggers, so `numberFiling` runs the same statements from the filing's transaction.
 */

/** The table court-node's LeasedOutbox keeps the tickets' announcements in. */
export const TICKET_OUTBOX_TABLE = 'ticket_outbox';

/** Every outbox announcement of one ticket has an id that starts with this. */
export function announcementIdPrefix(ticketId: string): string {
  return `ticket:${ticketId}:`;
}

/**
 * `<counter>~<22 hex digits of the id>`: fits the number column (32), never matches a ticket
 * number, and cannot occur by chance in anything else the filing writes.
 */
export function provisionalNumber(counter: string, ticketId: string): string {
  return `${counter}~${ticketId.replaceAll('-', '').slice(0, 22)}`;
}

/** The year's counter a provisional number draws from (`INC-2026`). */
export function counterOf(provisional: string): string {
  return provisional.slice(0, provisional.indexOf('~'));
}

/**
 * SQLite: draws the next number from the filing's counter and puts it where the provisional one
 * stands, as the PostgreSQL trigger does at commit. Returns the number.
 */
export async function numberFiling(
  trx: Knex.Transaction,
  ticketId: string,
  provisional: string,
  format: (sequence: number) => string,
): Promise<string> {
  // One statement: the year's first filing starts the counter, every later one increments it.
  const [row] = await trx('ticket_sequences')
    .insert({ key: counterOf(provisional), last: 1 })
    .onConflict('key')
    .merge({ last: trx.raw('?? + 1', ['ticket_sequences.last']) })
    .returning('last');
  const number = format(Number(row.last));
  await trx('tickets')
    .where({ id: ticketId })
    .update({
      number,
      search_text: trx.raw('replace(search_text, ?, ?)', [
        provisional.toLowerCase(),
        number.toLowerCase(),
      ]),
    });
  const prefix = announcementIdPrefix(ticketId);
  // A range on the key, which the primary key's index answers (';' follows ':' by one).
  await trx(TICKET_OUTBOX_TABLE)
    .where('id', '>', prefix)
    .andWhere('id', '<', `${prefix.slice(0, -1)};`)
    .update({
      payload: trx.raw('replace(payload, ?, ?)', [provisional, number]),
    });
  return number;
}
