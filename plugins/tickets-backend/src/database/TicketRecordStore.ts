import { ConflictError, NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { GroupCommit, isSqlite } from '@internal/plugin-court-node';
import {
  formatTicketNumber,
  isTicketNumber,
  ticketNumberCounter,
  TicketFilter,
  OPEN_STATUSES,
  DESK_TICKET_TYPES,
} from '@internal/plugin-tickets-common';
import type { TicketQueryFilter } from '@internal/plugin-tickets-node';
import { Knex } from 'knex';
import {
  NewTicket,
  NewTicketEvent,
  SlaProjection,
  StoredTicket,
  TicketFieldUpdates,
} from './rows';
import {
  applyCriteria,
  containsPattern,
  decodeCursor,
  encodeCursor,
} from './queries';
import { appendEvents } from './TicketHistoryStore';
import { logColumnsAppended, logColumnsOfNew } from './logColumns';
import { projectionColumns, writeClocks } from './SlaProjectionStore';
import { numberFiling, provisionalNumber } from './numbering';

/** Queue orders: column and direction; `id` breaks ties for the cursor. */
const SORTS = {
  created: { column: 'created_at', direction: 'desc' },
  updated: { column: 'updated_at', direction: 'desc' },
  due: { column: 'next_due_at', direction: 'asc' },
} as const;

/** A page of stored tickets and where the next one starts. */
export interface StoredTicketPage {
  readonly items: StoredTicket[];
  readonly nextCursor?: string;
}

/** The list filter once `me` is resolved and the caller's access is known. */
export interface TicketListRequest {
  readonly filter: Omit<TicketFilter, 'assignee' | 'reporter'> & {
    readonly assignee?: string;
    readonly reporter?: string;
  };
  /** From a conditional permission decision; undefined: everything. */
  readonly access?: PermissionCriteria<TicketQueryFilter>;
  readonly now: string;
}

/** A change to a ticket's state, with the events and projection it makes. */
export interface TicketChange {
  readonly fields: TicketFieldUpdates;
  readonly events: NewTicketEvent[];
  readonly projection: SlaProjection;
  readonly entities?: readonly { entityRef: string; systemRef?: string }[];
  readonly at: string;
}

/**
 * The ticket records: the `tickets` row, its entities and its number. Every
 * write is one transaction with the versioned row, the events it appends
 * (the history) and the SLA projection it rewrites.
 */
export interface TicketRecordStore {
  /**
   * The ticket `createdBy` filed under an idempotency key, if any. Keys are
   * per filer: another's key neither finds nor blocks anything, so it tells
   * nobody that the other's ticket exists.
   */
  getBySourceRef(
    sourceRef: string,
    createdBy: string,
  ): Promise<StoredTicket | undefined>;
  /**
   * Files a ticket under the next number of its type and year. With a
   * `sourceRef` already filed, returns that ticket and `created: false`.
   * `extra` writes the type's own rows and its announcements in the same transaction; it sees
   * the ticket under its provisional number, which numbering replaces in the tickets outbox's
   * announcements of it (numbering.ts) and nowhere else.
   */
  insert(
    ticket: NewTicket,
    events: NewTicketEvent[],
    projection: SlaProjection,
    extra?: (trx: Knex.Transaction, stored: StoredTicket) => Promise<void>,
  ): Promise<{ ticket: StoredTicket; created: boolean }>;
  /**
   * Applies a change made against `expectedVersion`: a stale version changes
   * nothing and throws ConflictError (409). `extra` writes the type's own
   * rows in the same transaction.
   */
  update(
    id: string,
    expectedVersion: number,
    change: TicketChange,
    extra?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<StoredTicket>;
  /** By id or by number; undefined when there is none. */
  get(idOrNumber: string): Promise<StoredTicket | undefined>;
  getMany(ids: readonly string[]): Promise<StoredTicket[]>;
  /** A page of the queue, newest or soonest due first, by keyset cursor. */
  list(request: TicketListRequest): Promise<StoredTicketPage>;
}

export class DatabaseTicketRecordStore implements TicketRecordStore {
  /** On SQLite, the filings of one turn of the event loop share a commit (one fsync). */
  private readonly filings?: GroupCommit;

  constructor(private readonly db: Knex) {
    this.filings = isSqlite(db) ? new GroupCommit(db) : undefined;
  }

  async getBySourceRef(
    sourceRef: string,
    createdBy: string,
  ): Promise<StoredTicket | undefined> {
    const row = await this.db('tickets')
      .where({ source_ref: sourceRef, created_by: createdBy })
      .first();
    return row ? (await this.withEntities(this.db, [row]))[0] : undefined;
  }

  async insert(
    ticket: NewTicket,
    events: NewTicketEvent[],
    projection: SlaProjection,
    extra?: (trx: Knex.Transaction, stored: StoredTicket) => Promise<void>,
  ): Promise<{ ticket: StoredTicket; created: boolean }> {
    try {
      return {
        ticket: await this.insertNew(ticket, events, projection, extra),
        created: true,
      };
    } catch (error) {
      const existing = ticket.sourceRef
        ? await this.getBySourceRef(ticket.sourceRef, ticket.createdBy)
        : undefined;
      // A concurrent filing with the same key won the unique index.
      if (existing) return { ticket: existing, created: false };
      throw error;
    }
  }

  private async insertNew(
    ticket: NewTicket,
    events: NewTicketEvent[],
    projection: SlaProjection,
    extra?: (trx: Knex.Transaction, stored: StoredTicket) => Promise<void>,
  ): Promise<StoredTicket> {
    const provisional = provisionalNumber(
      ticketNumberCounter(ticket.type, ticket.year),
      ticket.id,
    );
    const file = async (trx: Knex.Transaction) => {
      // Written whole under the provisional number, numbered last (numbering.ts).
      const [row] = await trx('tickets').insert(
        {
          id: ticket.id,
          number: provisional,
          type: ticket.type,
          category: ticket.category ?? null,
          title: ticket.title,
          description: ticket.description,
          channel: ticket.channel,
          reporter: ticket.reporter,
          created_by: ticket.createdBy,
          source_ref: ticket.sourceRef ?? null,
          urgency: ticket.urgency,
          impact: ticket.impact,
          level: ticket.level,
          status: ticket.status ?? 'new',
          assignee: ticket.assignee ?? null,
          group_ref: ticket.group ?? null,
          policy_id: ticket.policy.id,
          policy_version: ticket.policy.version,
          version: 1,
          created_at: ticket.createdAt,
          updated_at: ticket.createdAt,
          search_text: searchText(
            provisional,
            ticket.title,
            ticket.description,
          ),
          ...projectionColumns(projection),
          ...logColumnsOfNew(events),
        },
        '*',
      );
      // The rows as the database stored them (RETURNING, on SQLite and PostgreSQL alike): a
      // filing reads back only its number, on PostgreSQL, once COMMIT has drawn it.
      const entities = await trx('ticket_entities').insert(
        entityRows(ticket.id, ticket.createdAt, ticket.entities),
        '*',
      );
      await appendEvents(trx, ticket.id, events, 0);
      await writeClocks(trx, ticket.id, projection, { fresh: true });
      const stored = toStoredTicket(row, byEntityRef(entities));
      await extra?.(trx, stored);
      return stored;
    };
    if (this.filings) {
      // SQLite: numbered in the filing's transaction, which shares its commit with others'.
      return this.filings.run(async trx => {
        const stored = await file(trx);
        const number = await numberFiling(trx, ticket.id, provisional, n =>
          formatTicketNumber(ticket.type, ticket.year, n),
        );
        return { ...stored, number };
      });
    }
    // PostgreSQL: numbered by the commit's trigger, and read once drawn.
    const stored = await this.db.transaction(file);
    const { number } = await this.db('tickets')
      .where({ id: ticket.id })
      .first('number');
    return { ...stored, number };
  }

  async update(
    id: string,
    expectedVersion: number,
    change: TicketChange,
    extra?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<StoredTicket> {
    return this.db.transaction(async trx => {
      const current = await trx('tickets')
        .where({ id })
        .first('version', 'number', 'title', 'description', 'created_at');
      if (!current) {
        throw new NotFoundError(`no ticket ${id}`);
      }
      const fields = change.fields;
      const updated = await trx('tickets')
        .where({ id, version: expectedVersion })
        .update({
          ...fieldColumns(fields),
          ...projectionColumns(change.projection),
          ...logColumnsAppended(trx, change.events),
          search_text: searchText(
            current.number,
            fields.title ?? current.title,
            fields.description ?? current.description,
          ),
          updated_at: change.at,
          version: expectedVersion + 1,
        });
      if (updated === 0) {
        throw new ConflictError(
          `ticket ${current.number} is at version ${current.version}, not ${expectedVersion}: reload it and try again`,
        );
      }
      if (change.entities) {
        await trx('ticket_entities').where({ ticket_id: id }).delete();
        await trx('ticket_entities').insert(
          entityRows(id, current.created_at, change.entities),
        );
      }
      await appendEvents(trx, id, change.events);
      await writeClocks(trx, id, change.projection);
      await extra?.(trx);
      return (await this.load(trx, id))!;
    });
  }

  async get(idOrNumber: string): Promise<StoredTicket | undefined> {
    return this.load(this.db, idOrNumber);
  }

  async getMany(ids: readonly string[]): Promise<StoredTicket[]> {
    if (ids.length === 0) return [];
    const rows = await this.db('tickets').whereIn('id', ids);
    return this.withEntities(this.db, rows);
  }

  async list(request: TicketListRequest): Promise<StoredTicketPage> {
    const { filter, access, now } = request;
    const order = SORTS[filter.sort];
    // One device's tickets newest first: walk its links' index in that order and stop at the
    // page's end (through `id in (…)` every ticket of a busy device was fetched and sorted).
    // Not for a system: a ticket about two of its devices has two links to it.
    const linkedTo = order.column === 'created_at' ? filter.entity : undefined;
    const query = linkedTo
      ? this.db('ticket_entities as link')
          .join('tickets', 'tickets.id', 'link.ticket_id')
          .where('link.entity_ref', linkedTo)
          .select('tickets.*')
      : this.db('tickets');
    if (access) {
      query.where(qb => applyCriteria(qb, access));
    }
    if (filter.status) query.whereIn('status', filter.status);
    // Open means the desk still owes work: changes have their own page.
    const open = (qb: Knex.QueryBuilder) =>
      qb.whereIn('status', OPEN_STATUSES).whereIn('type', DESK_TICKET_TYPES);
    if (filter.open === true) query.where(open);
    if (filter.open === false) query.whereNot(open);
    if (filter.type) query.whereIn('type', filter.type);
    if (filter.level) query.whereIn('level', filter.level);
    if (filter.assignee) query.where('assignee', filter.assignee);
    if (filter.reporter) query.where('reporter', filter.reporter);
    if (filter.group) query.where('group_ref', filter.group);
    if (filter.awaitingPart) {
      query
        .where('pause_reason', 'waiting-part')
        .where('awaited_part_type_id', filter.awaitingPart);
    }
    if (filter.entity && !linkedTo) {
      query.whereIn(
        'tickets.id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('entity_ref', filter.entity),
      );
    }
    if (filter.system) {
      query.whereIn(
        'tickets.id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('system_ref', filter.system),
      );
    }
    if (filter.atRisk !== undefined) {
      const atRisk = (qb: Knex.QueryBuilder) =>
        qb.where('at_risk_at', '<=', now).where('next_due_at', '>', now);
      if (filter.atRisk) query.where(atRisk);
      else query.whereNot(atRisk);
    }
    if (filter.breached !== undefined) {
      const breached = (qb: Knex.QueryBuilder) =>
        qb.whereNotNull('breached_at').orWhere('next_due_at', '<=', now);
      if (filter.breached) query.where(breached);
      else query.whereNot(breached);
    }
    if (filter.q) {
      // SQLite has no default LIKE escape character; name it for both.
      query.whereRaw(`search_text like ? escape '\\'`, [
        containsPattern(filter.q),
      ]);
    }
    // The same instant and id, read from the link when it leads.
    const [orderColumn, idColumn] = linkedTo
      ? ['link.ticket_created_at', 'link.ticket_id']
      : [`tickets.${order.column}`, 'tickets.id'];
    if (filter.cursor) {
      const [value, id] = decodeCursor(filter.cursor);
      const op = order.direction === 'asc' ? '>' : '<';
      query.where(qb =>
        qb
          .where(orderColumn, op, value)
          .orWhere(inner =>
            inner.where(orderColumn, value).andWhere(idColumn, op, id),
          ),
      );
    }
    const rows = await query
      .orderBy([
        { column: orderColumn, order: order.direction },
        { column: idColumn, order: order.direction },
      ])
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: await this.withEntities(this.db, page),
      nextCursor:
        rows.length > filter.limit
          ? encodeCursor(last[order.column], last.id)
          : undefined,
    };
  }

  private async load(
    db: Knex | Knex.Transaction,
    idOrNumber: string,
  ): Promise<StoredTicket | undefined> {
    const row = await db('tickets')
      .where(isTicketNumber(idOrNumber) ? 'number' : 'id', idOrNumber)
      .first();
    if (!row) return undefined;
    return (await this.withEntities(db, [row]))[0];
  }

  private async withEntities(
    db: Knex | Knex.Transaction,
    rows: TicketRow[],
  ): Promise<StoredTicket[]> {
    if (rows.length === 0) return [];
    const entities = byEntityRef(
      await db('ticket_entities').whereIn(
        'ticket_id',
        rows.map(r => r.id),
      ),
    );
    return rows.map(row => {
      const own = entities.filter(e => e.ticket_id === row.id);
      return toStoredTicket(row, own);
    });
  }
}

/**
 * A ticket's entity links in one order whichever database holds them, and whether they were
 * read or just written: by code unit, not by a PostgreSQL collation.
 */
function byEntityRef<T extends { entity_ref: string }>(links: T[]): T[] {
  return [...links].sort(
    (a, b) =>
      Number(a.entity_ref > b.entity_ref) - Number(a.entity_ref < b.entity_ref),
  );
}

/** A row of the `tickets` table as knex returns it. */
type TicketRow = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- knex rows are untyped; toStoredTicket maps each column

function toStoredTicket(
  row: TicketRow,
  entities: { entity_ref: string; system_ref: string | null }[],
): StoredTicket {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    category: row.category ?? undefined,
    title: row.title,
    description: row.description,
    channel: row.channel,
    reporter: row.reporter,
    createdBy: row.created_by,
    sourceRef: row.source_ref ?? undefined,
    urgency: row.urgency,
    impact: row.impact,
    level: row.level,
    status: row.status,
    pauseReason: row.pause_reason ?? undefined,
    awaitedPart:
      row.awaited_part_name === null || row.awaited_part_name === undefined
        ? undefined
        : {
            partTypeId: row.awaited_part_type_id ?? undefined,
            name: row.awaited_part_name,
          },
    resumeStatus: row.resume_status ?? undefined,
    assignee: row.assignee ?? undefined,
    group: row.group_ref ?? undefined,
    entityRefs: entities.map(e => e.entity_ref),
    systemRefs: [
      ...new Set(entities.flatMap(e => (e.system_ref ? [e.system_ref] : []))),
    ].sort(),
    policy: { id: row.policy_id, version: Number(row.policy_version) },
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at ?? undefined,
    closedAt: row.closed_at ?? undefined,
    satisfaction:
      row.satisfaction === null || row.satisfaction === undefined
        ? undefined
        : Number(row.satisfaction),
  };
}

const FIELD_COLUMNS: Record<keyof TicketFieldUpdates, string> = {
  title: 'title',
  description: 'description',
  category: 'category',
  urgency: 'urgency',
  impact: 'impact',
  level: 'level',
  status: 'status',
  pauseReason: 'pause_reason',
  awaitedPartTypeId: 'awaited_part_type_id',
  awaitedPartName: 'awaited_part_name',
  resumeStatus: 'resume_status',
  assignee: 'assignee',
  group: 'group_ref',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  satisfaction: 'satisfaction',
};

function fieldColumns(fields: TicketFieldUpdates): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      columns[FIELD_COLUMNS[key as keyof TicketFieldUpdates]] = value;
    }
  }
  return columns;
}

/** A ticket's `ticket_entities` rows: its devices and systems, with its creation instant. */
export function entityRows(
  ticketId: string,
  createdAt: string,
  entities: readonly { entityRef: string; systemRef?: string }[],
) {
  return entities.map(e => ({
    ticket_id: ticketId,
    entity_ref: e.entityRef,
    system_ref: e.systemRef ?? null,
    // Copied so that a device's tickets come newest first from the links' own index.
    ticket_created_at: createdAt,
  }));
}

function searchText(number: string, title: string, description: string) {
  return `${number}\n${title}\n${description}`.toLocaleLowerCase('zh-CN');
}
