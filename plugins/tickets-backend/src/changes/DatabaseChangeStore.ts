import { ConflictError, NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  ACTIVE_CHANGE_STATUSES,
  ChangeData,
  ChangeDataUpdates,
  ChangeFilter,
  ChangeStatus,
  ChangeWindow,
  ENDED_CHANGE_STATUSES,
  FreezePeriod,
  NewRegisterRecord,
  ParameterChangeRecord,
  ParameterEdit,
  ScheduledChange,
} from '@internal/plugin-tickets-common';
import type { TicketQueryFilter } from '@internal/plugin-tickets-node';
import { Knex } from 'knex';
import { TicketHistoryStore } from '../database/TicketHistoryStore';
import { TicketRecordStore } from '../database/TicketRecordStore';
import {
  applyCriteria,
  containsPattern,
  decodeCursor,
  encodeCursor,
} from '../database/queries';
import {
  NewTicket,
  NewTicketEvent,
  StoredTicket,
  TicketFieldUpdates,
} from '../database/rows';

/** What a change carries when filed; the decision and dates come later. */
export type NewChangeData = Pick<
  ChangeData,
  | 'emergency'
  | 'reason'
  | 'risk'
  | 'riskLevel'
  | 'rollbackPlan'
  | 'window'
  | 'outcome'
  | 'parameterEdits'
  | 'release'
>;

/** The change list once `me` is resolved and the caller's access is known. */
export interface ChangeListRequest {
  readonly filter: Omit<ChangeFilter, 'implementer'> & {
    readonly implementer?: string;
  };
  readonly access?: PermissionCriteria<TicketQueryFilter>;
}

/** Counts of ended changes by status and emergency, for the success rate. */
export interface ChangeOutcomeCount {
  readonly status: ChangeStatus;
  readonly emergency: boolean;
  readonly count: number;
}

const SORTS = {
  created: { column: 'tickets.created_at', key: 'created_at', order: 'desc' },
  window: {
    column: 'ticket_changes.window_start',
    key: 'window_start',
    order: 'asc',
  },
} as const;

/**
 * The change side of the family's store: the `tickets` row and its events go
 * through the ticket record and history stores, in the same transaction as the change's own rows,
 * so a change, its log, its edits and its register entries move together.
 */
export class DatabaseChangeStore {
  constructor(
    private readonly db: Knex,
    private readonly records: Pick<
      TicketRecordStore,
      'insert' | 'update' | 'getMany'
    >,
    private readonly history: Pick<TicketHistoryStore, 'append'>,
  ) {}

  /** Files a change; with a `sourceRef` filed before, returns that ticket and `created: false`. */
  async file(
    ticket: NewTicket,
    change: NewChangeData,
    events: NewTicketEvent[],
  ): Promise<{ ticket: StoredTicket; created: boolean }> {
    return this.records.insert(ticket, events, { clocks: [] }, async trx => {
      await trx('ticket_changes').insert({
        ticket_id: ticket.id,
        emergency: change.emergency,
        reason: change.reason,
        trial_impact: change.risk.trialImpact,
        rollback_difficulty: change.risk.rollback,
        tested_in_simulation: change.risk.testedInSimulation,
        risk_level: change.riskLevel,
        rollback_plan: change.rollbackPlan,
        window_start: change.window.start,
        window_end: change.window.end,
        outcome: change.outcome ?? null,
        release: change.release ? JSON.stringify(change.release) : null,
        freeze_exception: false,
      });
      if (change.parameterEdits.length > 0) {
        await trx('change_parameter_edits').insert(
          change.parameterEdits.map((edit, position) => ({
            ticket_id: ticket.id,
            position,
            device_ref: edit.device,
            parameter: edit.parameter,
            old_value: edit.oldValue,
            new_value: edit.newValue,
          })),
        );
      }
    });
  }

  /**
   * Takes a step made against `expectedVersion` (a stale one throws 409 and
   * changes nothing), writing the change's fields and any register entries.
   */
  async update(
    ticket: Pick<StoredTicket, 'id' | 'number'>,
    expectedVersion: number,
    step: {
      fields: TicketFieldUpdates;
      events: NewTicketEvent[];
      change: ChangeDataUpdates;
      register: readonly NewRegisterRecord[];
      at: string;
    },
  ): Promise<StoredTicket> {
    return this.records.update(
      ticket.id,
      expectedVersion,
      {
        fields: step.fields,
        events: step.events,
        projection: { clocks: [] },
        at: step.at,
      },
      async trx => {
        const columns = changeColumns(step.change);
        if (Object.keys(columns).length > 0) {
          await trx('ticket_changes')
            .where({ ticket_id: ticket.id })
            .update(columns);
        }
        for (const record of step.register) {
          await writeRegister(trx, ticket, record);
        }
      },
    );
  }

  /**
   * Writes one edit to the register while the change is carried out: an
   * append to the change's log, without a version.
   */
  async register(
    ticket: Pick<StoredTicket, 'id' | 'number'>,
    event: NewTicketEvent,
    record: NewRegisterRecord,
  ): Promise<void> {
    await this.history.append(ticket.id, event, trx =>
      writeRegister(trx, ticket, record),
    );
  }

  /** The change data of these tickets, by ticket id. */
  async read(ticketIds: readonly string[]): Promise<Map<string, ChangeData>> {
    const byId = new Map<string, ChangeData>();
    if (ticketIds.length === 0) return byId;
    const [rows, edits] = await Promise.all([
      this.db('ticket_changes').whereIn('ticket_id', ticketIds),
      this.db('change_parameter_edits')
        .whereIn('ticket_id', ticketIds)
        .orderBy([{ column: 'ticket_id' }, { column: 'position' }]),
    ]);
    for (const row of rows) {
      byId.set(
        row.ticket_id,
        toChangeData(
          row,
          edits.filter(edit => edit.ticket_id === row.ticket_id),
        ),
      );
    }
    return byId;
  }

  /** A page of changes, newest filed or earliest window first, by keyset cursor. */
  async list(
    request: ChangeListRequest,
  ): Promise<{ items: StoredTicket[]; nextCursor?: string }> {
    const { filter, access } = request;
    const query = this.db('tickets')
      .join('ticket_changes', 'ticket_changes.ticket_id', 'tickets.id')
      .where('tickets.type', 'change');
    if (access) query.where(qb => applyCriteria(qb, access));
    if (filter.status) query.whereIn('tickets.status', filter.status);
    if (filter.pendingApproval !== undefined) {
      if (filter.pendingApproval) query.where('tickets.status', 'submitted');
      else query.whereNot('tickets.status', 'submitted');
    }
    if (filter.emergency !== undefined) {
      query.where('ticket_changes.emergency', filter.emergency);
    }
    if (filter.implementer) query.where('tickets.assignee', filter.implementer);
    if (filter.from) query.where('ticket_changes.window_end', '>', filter.from);
    if (filter.to) query.where('ticket_changes.window_start', '<', filter.to);
    if (filter.entity || filter.system) {
      query.whereIn(
        'tickets.id',
        this.db('ticket_entities')
          .select('ticket_id')
          .modify(qb => {
            if (filter.entity) qb.where('entity_ref', filter.entity);
            if (filter.system) qb.where('system_ref', filter.system);
          }),
      );
    }
    if (filter.q) {
      query.whereRaw(`tickets.search_text like ? escape '\\'`, [
        containsPattern(filter.q),
      ]);
    }
    const order = SORTS[filter.sort];
    if (filter.cursor) {
      const [value, id] = decodeCursor(filter.cursor);
      const op = order.order === 'asc' ? '>' : '<';
      query.where(qb =>
        qb
          .where(order.column, op, value)
          .orWhere(inner =>
            inner.where(order.column, value).andWhere('tickets.id', op, id),
          ),
      );
    }
    const rows: { id: string; key: string }[] = await query
      .select({ id: 'tickets.id', key: order.column })
      .orderBy([
        { column: order.column, order: order.order },
        { column: 'tickets.id', order: order.order },
      ])
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const found = await this.records.getMany(page.map(row => row.id));
    const last = page[page.length - 1];
    return {
      items: page.flatMap(row => found.filter(t => t.id === row.id)),
      nextCursor:
        rows.length > filter.limit
          ? encodeCursor(last.key, last.id)
          : undefined,
    };
  }

  /** Active changes whose windows overlap `window`, for overlap warnings. */
  async scheduledDuring(window: ChangeWindow): Promise<ScheduledChange[]> {
    const rows = await this.db('tickets')
      .join('ticket_changes', 'ticket_changes.ticket_id', 'tickets.id')
      .where('tickets.type', 'change')
      .whereIn('tickets.status', ACTIVE_CHANGE_STATUSES)
      .where('ticket_changes.window_end', '>', window.start)
      .where('ticket_changes.window_start', '<', window.end)
      .select(
        'tickets.id',
        'ticket_changes.window_start',
        'ticket_changes.window_end',
      );
    const tickets = await this.records.getMany(rows.map(row => row.id));
    return tickets.map(ticket => {
      const row = rows.find(r => r.id === ticket.id)!;
      return {
        id: ticket.id,
        number: ticket.number,
        title: ticket.title,
        status: ticket.status as ChangeStatus,
        entityRefs: ticket.entityRefs,
        systemRefs: ticket.systemRefs,
        window: { start: row.window_start, end: row.window_end },
      };
    });
  }

  /** Changes that ended in [from, to), by status and emergency. */
  async outcomes(options: {
    from: string;
    to: string;
    system?: string;
  }): Promise<ChangeOutcomeCount[]> {
    const query = this.db('tickets')
      .join('ticket_changes', 'ticket_changes.ticket_id', 'tickets.id')
      .where('tickets.type', 'change')
      .whereIn('tickets.status', ENDED_CHANGE_STATUSES)
      .where('ticket_changes.finished_at', '>=', options.from)
      .where('ticket_changes.finished_at', '<', options.to);
    if (options.system) {
      query.whereIn(
        'tickets.id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('system_ref', options.system),
      );
    }
    const rows: Record<string, unknown>[] = await query
      .groupBy('tickets.status', 'ticket_changes.emergency')
      .select({
        status: 'tickets.status',
        emergency: 'ticket_changes.emergency',
      })
      .count({ count: '*' });
    return rows.map(row => ({
      status: row.status as ChangeStatus,
      emergency: Boolean(row.emergency),
      count: Number(row.count),
    }));
  }

  /** A device's register, newest first. */
  async parameterHistory(device: string): Promise<ParameterChangeRecord[]> {
    const rows = await this.db('device_parameter_changes')
      .where({ device_ref: device })
      .orderBy([
        { column: 'applied_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(row => ({
      device: row.device_ref,
      parameter: row.parameter,
      oldValue: row.old_value,
      newValue: row.new_value,
      changeNumber: row.change_number,
      approvedBy: row.approved_by ?? undefined,
      approvedAt: row.approved_at ?? undefined,
      appliedBy: row.applied_by,
      appliedAt: row.applied_at,
    }));
  }

  async addFreeze(freeze: FreezePeriod): Promise<void> {
    await this.db('change_freezes').insert({
      id: freeze.id,
      title: freeze.title,
      reason: freeze.reason,
      start_at: freeze.window.start,
      end_at: freeze.window.end,
      entity_refs: JSON.stringify(freeze.entityRefs),
      created_by: freeze.createdBy,
      created_at: freeze.createdAt,
    });
  }

  /** Freezes overlapping `window`, or not yet ended after `after`; earliest first. */
  async freezes(
    during: ChangeWindow | { after: string },
  ): Promise<FreezePeriod[]> {
    const query = this.db('change_freezes');
    if ('after' in during) {
      query.where('end_at', '>', during.after);
    } else {
      query
        .where('end_at', '>', during.start)
        .where('start_at', '<', during.end);
    }
    const rows = await query.orderBy([
      { column: 'start_at' },
      { column: 'id' },
    ]);
    return rows.map(toFreeze);
  }

  /** @throws NotFoundError when there is no such freeze */
  async removeFreeze(id: string): Promise<FreezePeriod> {
    const row = await this.db('change_freezes').where({ id }).first();
    if (!row) throw new NotFoundError(`no freeze ${id}`);
    await this.db('change_freezes').where({ id }).delete();
    return toFreeze(row);
  }
}

async function writeRegister(
  trx: Knex.Transaction,
  ticket: Pick<StoredTicket, 'id' | 'number'>,
  record: NewRegisterRecord,
) {
  const marked = await trx('change_parameter_edits')
    .where({
      ticket_id: ticket.id,
      device_ref: record.device,
      parameter: record.parameter,
    })
    .whereNull('applied_at')
    .update({ applied_at: record.appliedAt });
  // Marking the edit first makes a concurrent second application find nothing to mark.
  if (marked === 0) {
    throw new ConflictError(
      `${ticket.number}: ${record.parameter} of ${record.device} is already in the register`,
    );
  }
  await trx('device_parameter_changes').insert({
    device_ref: record.device,
    parameter: record.parameter,
    old_value: record.oldValue,
    new_value: record.newValue,
    ticket_id: ticket.id,
    change_number: ticket.number,
    approved_by: record.approvedBy ?? null,
    approved_at: record.approvedAt ?? null,
    applied_by: record.appliedBy,
    applied_at: record.appliedAt,
  });
}

const CHANGE_COLUMNS: Record<
  Exclude<keyof ChangeDataUpdates, 'window'>,
  string
> = {
  outcome: 'outcome',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  decisionComment: 'decision_comment',
  freezeException: 'freeze_exception',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};

function changeColumns({
  window,
  ...fields
}: ChangeDataUpdates): Record<string, unknown> {
  const columns: Record<string, unknown> = window
    ? { window_start: window.start, window_end: window.end }
    : {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      columns[CHANGE_COLUMNS[key as keyof typeof fields]] = value;
    }
  }
  return columns;
}

/** A row as knex returns it. */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- knex rows are untyped; toChangeData and toFreeze map each column

function toFreeze(row: Row): FreezePeriod {
  return {
    id: row.id,
    title: row.title,
    reason: row.reason,
    window: { start: row.start_at, end: row.end_at },
    entityRefs: JSON.parse(row.entity_refs),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toChangeData(row: Row, edits: Row[]): ChangeData {
  return {
    emergency: Boolean(row.emergency),
    reason: row.reason,
    risk: {
      trialImpact: row.trial_impact,
      rollback: row.rollback_difficulty,
      testedInSimulation: Boolean(row.tested_in_simulation),
    },
    riskLevel: row.risk_level,
    rollbackPlan: row.rollback_plan,
    window: { start: row.window_start, end: row.window_end },
    outcome: row.outcome ?? undefined,
    parameterEdits: edits.map(
      (edit): ParameterEdit => ({
        device: edit.device_ref,
        parameter: edit.parameter,
        oldValue: edit.old_value,
        newValue: edit.new_value,
        appliedAt: edit.applied_at ?? undefined,
      }),
    ),
    release: row.release ? JSON.parse(row.release) : undefined,
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at ?? undefined,
    decisionComment: row.decision_comment ?? undefined,
    freezeException: Boolean(row.freeze_exception),
    startedAt: row.started_at ?? undefined,
    finishedAt: row.finished_at ?? undefined,
  };
}
