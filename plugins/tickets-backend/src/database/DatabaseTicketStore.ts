import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  formatTicketNumber,
  isTicketNumber,
  TICKET_TYPE_RULES,
  TicketFilter,
  TicketLink,
  WorkLog,
  OPEN_STATUSES,
  DESK_TICKET_TYPES,
} from '@internal/plugin-tickets-common';
import type { TicketQueryFilter } from '@internal/plugin-tickets-node';
import { Knex } from 'knex';
import {
  NewTicket,
  NewTicketEvent,
  SlaProjection,
  StoredEvent,
  StoredTicket,
  TicketFieldUpdates,
} from './rows';
import {
  applyCriteria,
  containsPattern,
  decodeCursor,
  encodeCursor,
} from './queries';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-tickets-backend',
  'migrations',
);

/** Stands for "no running clock" in `next_due_at`, so it sorts last. */
const NEVER = '9999-12-31T23:59:59.999Z';

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

export interface ComplianceCount {
  readonly clock: string;
  readonly level: string;
  readonly state: string;
  readonly count: number;
}

/**
 * Tickets in the plugin's own database (SQLite or PostgreSQL). Every update
 * is one transaction: the row's version is checked and bumped, the events
 * are appended, and the SLA projection is rewritten together.
 */
export class DatabaseTicketStore {
  private constructor(private readonly db: Knex) {}

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<DatabaseTicketStore> {
    if (isSqlite(db)) {
      // Readers keep reading while a write commits; Backstage leaves the
      // default rollback journal on.
      await db.raw('PRAGMA journal_mode = WAL');
    }
    if (!options.skipMigrations) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseTicketStore(db);
  }

  /**
   * The ticket `createdBy` filed under an idempotency key, if any. Keys are
   * per filer: another's key neither finds nor blocks anything, so it tells
   * nobody that the other's ticket exists.
   */
  async getBySourceRef(
    sourceRef: string,
    createdBy: string,
  ): Promise<StoredTicket | undefined> {
    const row = await this.db('tickets')
      .where({ source_ref: sourceRef, created_by: createdBy })
      .first();
    return row ? (await this.withEntities(this.db, [row]))[0] : undefined;
  }

  /**
   * Files a ticket under the next number of its type and year. With a
   * `sourceRef` already filed, returns that ticket and `created: false`.
   */
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
    return this.db.transaction(async trx => {
      const number = await this.nextNumber(trx, ticket);
      await trx('tickets').insert({
        id: ticket.id,
        number,
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
        search_text: searchText(number, ticket.title, ticket.description),
        ...projectionColumns(projection),
      });
      await trx('ticket_entities').insert(
        ticket.entities.map(e => ({
          ticket_id: ticket.id,
          entity_ref: e.entityRef,
          system_ref: e.systemRef ?? null,
        })),
      );
      await insertEvents(trx, ticket.id, 0, events);
      await writeClocks(trx, ticket.id, projection);
      const stored = (await this.load(trx, ticket.id))!;
      await extra?.(trx, stored);
      return stored;
    });
  }

  /**
   * Applies a change made against `expectedVersion`: a stale version changes
   * nothing and throws ConflictError (409). `extra` writes the type's own
   * rows in the same transaction.
   */
  async update(
    id: string,
    expectedVersion: number,
    change: {
      fields: TicketFieldUpdates;
      events: NewTicketEvent[];
      projection: SlaProjection;
      entities?: readonly { entityRef: string; systemRef?: string }[];
      at: string;
    },
    extra?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<StoredTicket> {
    return this.db.transaction(async trx => {
      const current = await trx('tickets')
        .where({ id })
        .first('version', 'number', 'title', 'description');
      if (!current) {
        throw new NotFoundError(`no ticket ${id}`);
      }
      const fields = change.fields;
      const updated = await trx('tickets')
        .where({ id, version: expectedVersion })
        .update({
          ...fieldColumns(fields),
          ...projectionColumns(change.projection),
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
          change.entities.map(e => ({
            ticket_id: id,
            entity_ref: e.entityRef,
            system_ref: e.systemRef ?? null,
          })),
        );
      }
      await insertEvents(trx, id, await lastSeq(trx, id), change.events);
      await writeClocks(trx, id, change.projection);
      await extra?.(trx);
      return (await this.load(trx, id))!;
    });
  }

  /**
   * Appends to a ticket without changing its state (a comment, a work log,
   * a link), so it needs no version; `extra` writes the row that goes with it.
   */
  async append(
    id: string,
    event: NewTicketEvent,
    extra?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<StoredEvent> {
    return this.db.transaction(async trx => {
      // Touching the row first serialises concurrent appends on PostgreSQL.
      const touched = await trx('tickets')
        .where({ id })
        .update({ updated_at: event.at });
      if (touched === 0) {
        throw new NotFoundError(`no ticket ${id}`);
      }
      const seq = (await lastSeq(trx, id)) + 1;
      await insertEvents(trx, id, seq - 1, [event]);
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

  /** By id or by number; undefined when there is none. */
  async get(idOrNumber: string): Promise<StoredTicket | undefined> {
    return this.load(this.db, idOrNumber);
  }

  async getMany(ids: readonly string[]): Promise<StoredTicket[]> {
    if (ids.length === 0) return [];
    const rows = await this.db('tickets').whereIn('id', ids);
    return this.withEntities(this.db, rows);
  }

  async events(ticketId: string): Promise<StoredEvent[]> {
    return (await this.eventsOf([ticketId])).get(ticketId) ?? [];
  }

  /** The logs of several tickets, one query. */
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

  /** A page of the queue, newest or soonest due first, by keyset cursor. */
  async list(request: TicketListRequest): Promise<StoredTicketPage> {
    const { filter, access, now } = request;
    const query = this.db('tickets');
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
    if (filter.entity) {
      query.whereIn(
        'id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('entity_ref', filter.entity),
      );
    }
    if (filter.system) {
      query.whereIn(
        'id',
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
    const order = SORTS[filter.sort];
    if (filter.cursor) {
      const [value, id] = decodeCursor(filter.cursor);
      const op = order.direction === 'asc' ? '>' : '<';
      query.where(qb =>
        qb
          .where(order.column, op, value)
          .orWhere(inner =>
            inner.where(order.column, value).andWhere('id', op, id),
          ),
      );
    }
    const rows = await query
      .orderBy([
        { column: order.column, order: order.direction },
        { column: 'id', order: order.direction },
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

  /** Tickets whose SLA needs a look at or before `now`, oldest first. */
  async dueForWatch(now: string, limit: number): Promise<string[]> {
    const rows = await this.db('tickets')
      .where('next_wake_up_at', '<=', now)
      .orderBy('next_wake_up_at')
      .limit(limit)
      .select('id');
    return rows.map(r => r.id);
  }

  /** The earliest instant any ticket's SLA needs a look. */
  async nextWakeUp(): Promise<string | undefined> {
    const row = await this.db('tickets')
      .whereNotNull('next_wake_up_at')
      .min({ at: 'next_wake_up_at' })
      .first();
    return row?.at ?? undefined;
  }

  /**
   * Rewrites the SLA projection computed from `version`; a ticket changed
   * meanwhile keeps the projection its change wrote.
   */
  async refreshProjection(
    id: string,
    version: number,
    projection: SlaProjection,
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const updated = await trx('tickets')
        .where({ id, version })
        .update(projectionColumns(projection));
      if (updated > 0) {
        await writeClocks(trx, id, projection);
      }
      return updated > 0;
    });
  }

  /**
   * Claims an SLA alert; true only for the first caller, so a warning or
   * breach is notified once across replicas and restarts.
   */
  async claimAlert(alert: {
    ticketId: string;
    clock: string;
    kind: string;
    dueAt: string;
    sentAt: string;
  }): Promise<boolean> {
    const inserted = await this.db('ticket_sla_alerts')
      .insert({
        ticket_id: alert.ticketId,
        clock: alert.clock,
        kind: alert.kind,
        due_at: alert.dueAt,
        sent_at: alert.sentAt,
      })
      .onConflict(['ticket_id', 'clock', 'kind', 'due_at'])
      .ignore()
      .returning('kind');
    return inserted.length > 0;
  }

  /**
   * Clocks that started in [from, to) by level and state, for compliance;
   * `access` limits it to tickets the caller may read.
   */
  async clockOutcomes(options: {
    from: string;
    to: string;
    entity?: string;
    system?: string;
  }): Promise<ComplianceCount[]> {
    const query = this.db('ticket_clocks')
      .where('started_at', '>=', options.from)
      .where('started_at', '<', options.to);
    if (options.entity) {
      query.whereIn(
        'ticket_id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('entity_ref', options.entity),
      );
    }
    if (options.system) {
      query.whereIn(
        'ticket_id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('system_ref', options.system),
      );
    }
    const rows: Record<string, unknown>[] = await query
      .groupBy('clock', 'level', 'state')
      .select('clock', 'level', 'state')
      .count({ count: '*' });
    return rows.map(row => ({
      clock: String(row.clock),
      level: String(row.level),
      state: String(row.state),
      count: Number(row.count),
    }));
  }

  private async nextNumber(trx: Knex.Transaction, ticket: NewTicket) {
    const key = `${TICKET_TYPE_RULES[ticket.type].numberPrefix}-${ticket.year}`;
    await trx('ticket_sequences')
      .insert({ key, last: 0 })
      .onConflict('key')
      .ignore();
    // The increment locks the counter row until commit on PostgreSQL, so
    // concurrent filings each see their own value.
    await trx('ticket_sequences').where({ key }).increment('last', 1);
    const row = await trx('ticket_sequences').where({ key }).first('last');
    return formatTicketNumber(ticket.type, ticket.year, Number(row.last));
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
    const entities = await db('ticket_entities')
      .whereIn(
        'ticket_id',
        rows.map(r => r.id),
      )
      .orderBy('entity_ref');
    return rows.map(row => {
      const own = entities.filter(e => e.ticket_id === row.id);
      return toStoredTicket(row, own);
    });
  }
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

function projectionColumns(projection: SlaProjection) {
  return {
    next_wake_up_at: projection.nextWakeUpAt ?? null,
    next_due_at: projection.nextDueAt ?? NEVER,
    at_risk_at: projection.atRiskAt ?? null,
    breached_at: projection.breachedAt ?? null,
  };
}

async function writeClocks(
  trx: Knex.Transaction,
  ticketId: string,
  projection: SlaProjection,
) {
  await trx('ticket_clocks').where({ ticket_id: ticketId }).delete();
  if (projection.clocks.length === 0) return;
  await trx('ticket_clocks').insert(
    projection.clocks.map(c => ({
      ticket_id: ticketId,
      clock: c.clock,
      level: c.level,
      state: c.state,
      target_ms: c.targetMs ?? null,
      started_at: c.startedAt ?? null,
      due_at: c.dueAt ?? null,
      stopped_at: c.stoppedAt ?? null,
      breached_at: c.breachedAt ?? null,
      elapsed_ms: Math.round(c.elapsedMs),
      paused_ms: Math.round(c.pausedMs),
    })),
  );
}

async function lastSeq(trx: Knex.Transaction, ticketId: string) {
  const row = await trx('ticket_events')
    .where({ ticket_id: ticketId })
    .max({ seq: 'seq' })
    .first();
  return Number(row?.seq ?? 0);
}

async function insertEvents(
  trx: Knex.Transaction,
  ticketId: string,
  after: number,
  events: readonly NewTicketEvent[],
) {
  if (events.length === 0) return;
  await trx('ticket_events').insert(
    events.map((event, i) => ({
      ticket_id: ticketId,
      seq: after + i + 1,
      type: event.type,
      at: event.at,
      actor: event.actor,
      data: JSON.stringify(event.data),
    })),
  );
}

function searchText(number: string, title: string, description: string) {
  return `${number}\n${title}\n${description}`.toLocaleLowerCase('zh-CN');
}

function isSqlite(db: Knex) {
  return String(db.client.config.client).includes('sqlite');
}
