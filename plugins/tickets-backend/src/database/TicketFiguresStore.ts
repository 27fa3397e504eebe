import type { PriorityLevel, ClockName } from '@internal/plugin-sla-common';
import type {
  ChangeFact,
  PeriodWindow,
  ReportPeriod,
  TicketClockFact,
  TicketFact,
  WorkLogFact,
} from '@internal/plugin-reports-common';
import type {
  ChangeOutcome,
  ChangeStatus,
  RiskLevel,
  ServiceRequestCategory,
  TicketChannel,
  TicketStatus,
} from '@internal/plugin-tickets-common';
import { Knex } from 'knex';

/** The ticket and change facts that may count in a period (reports, issue #13). */
export interface TicketFiguresStore {
  /**
   * Every desk ticket and change with something in the period: created or
   * filed, a clock whose outcome falls in it or still running at its end,
   * resolved, reopened, called back, decided, finished, or work dated in it.
   * Work logs are those dated in the period.
   * @param system only facts whose systems include it
   */
  factsIn(
    period: ReportPeriod,
    window: PeriodWindow,
    system?: string,
  ): Promise<{ tickets: TicketFact[]; changes: ChangeFact[] }>;
}

/** The log entries a fact reads; the rest of the log is not loaded. */
const FACT_EVENTS = [
  'created',
  'arrived',
  'reopened',
  'assigned',
  'resolved',
  'called-back',
  'submitted',
];

/** Ended change statuses are their outcome. */
const OUTCOMES: readonly string[] = ['succeeded', 'failed', 'rolled-back'];

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- knex rows are untyped; each column is mapped below

/**
 * Reads the facts with a handful of set-based queries: one for the ids that
 * may count (ranges on indexed instants, see the report-figure indexes
 * migration), then one per table for those ids. No per-ticket query and no
 * replay of the log: the clocks come from their stored projection.
 */
export class DatabaseTicketFiguresStore implements TicketFiguresStore {
  constructor(private readonly db: Knex) {}

  async factsIn(
    period: ReportPeriod,
    window: PeriodWindow,
    system?: string,
  ): Promise<{ tickets: TicketFact[]; changes: ChangeFact[] }> {
    const { start, end } = toStoredInstants(window);
    const candidates = await this.candidateIds(period, start, end);
    if (candidates.length === 0) return { tickets: [], changes: [] };

    const ticketQuery = this.db('tickets')
      .leftJoin('ticket_changes', 'ticket_changes.ticket_id', 'tickets.id')
      .where(qb => this.idIn(qb, 'tickets.id', candidates))
      .select(
        'tickets.*',
        'ticket_changes.emergency',
        'ticket_changes.risk_level',
        'ticket_changes.decided_at',
        'ticket_changes.finished_at',
      );
    if (system) {
      ticketQuery.whereIn(
        'tickets.id',
        this.db('ticket_entities')
          .select('ticket_id')
          .where('system_ref', system),
      );
    }
    const rows: Row[] = await ticketQuery;
    if (rows.length === 0) return { tickets: [], changes: [] };
    const ids = rows.map(row => String(row.id));
    const ofIds = (qb: Knex.QueryBuilder) => this.idIn(qb, 'ticket_id', ids);

    const [entities, clocks, events, workLogs] = await Promise.all([
      this.db('ticket_entities')
        .where(ofIds)
        .select('ticket_id', 'entity_ref', 'system_ref')
        .orderBy(['ticket_id', 'entity_ref']) as Promise<Row[]>,
      this.db('ticket_clocks')
        .where(ofIds)
        .whereNot('state', 'not-applicable')
        .select() as Promise<Row[]>,
      this.db('ticket_events')
        .where(ofIds)
        .whereIn('type', FACT_EVENTS)
        .select('ticket_id', 'seq', 'type', 'at', 'data')
        .orderBy(['ticket_id', 'seq']) as Promise<Row[]>,
      this.db('ticket_work_logs')
        .where(ofIds)
        .where('work_date', '>=', period.from)
        .where('work_date', '<=', period.to)
        .select('ticket_id', 'engineer', 'minutes', 'work_date')
        .orderBy(['ticket_id', 'work_date', 'id']) as Promise<Row[]>,
    ]);
    const byTicket = <T>(list: Row[], map: (row: Row) => T) => {
      const grouped = new Map<string, T[]>();
      for (const row of list) {
        const key = String(row.ticket_id);
        const into = grouped.get(key);
        if (into) into.push(map(row));
        else grouped.set(key, [map(row)]);
      }
      return grouped;
    };
    const entitiesOf = byTicket(entities, row => row);
    const clocksOf = byTicket(clocks, toClockFact);
    const eventsOf = byTicket(events, row => row);
    const logsOf = byTicket(workLogs, toWorkLogFact);

    const tickets: TicketFact[] = [];
    const changes: ChangeFact[] = [];
    for (const row of rows) {
      const id = String(row.id);
      const linked = entitiesOf.get(id) ?? [];
      const refs = {
        entityRefs: linked.map(e => String(e.entity_ref)),
        systemRefs: [
          ...new Set(
            linked.flatMap(e => (e.system_ref ? [String(e.system_ref)] : [])),
          ),
        ].sort(),
      };
      const log = eventsOf.get(id) ?? [];
      const workLogFacts = logsOf.get(id) ?? [];
      if (row.type === 'change') {
        const change = toChangeFact(row, refs, log, workLogFacts);
        if (change) changes.push(change);
      } else {
        tickets.push(
          toTicketFact(row, refs, log, clocksOf.get(id) ?? [], workLogFacts),
        );
      }
    }
    const byCreation = (a: { id: string }, b: { id: string }) =>
      order.get(a.id)! - order.get(b.id)!;
    const order = new Map(
      [...rows]
        .sort(
          (a, b) =>
            String(a.created_at).localeCompare(String(b.created_at)) ||
            String(a.number).localeCompare(String(b.number)),
        )
        .map((row, i) => [String(row.id), i]),
    );
    return {
      tickets: tickets.sort(byCreation),
      changes: changes.sort(byCreation),
    };
  }

  /** The ids of every ticket or change with something that may count in [start, end). */
  private async candidateIds(
    period: ReportPeriod,
    start: string,
    end: string,
  ): Promise<string[]> {
    const { db } = this;
    const inWindow = (qb: Knex.QueryBuilder, column: string) =>
      qb.where(column, '>=', start).where(column, '<', end);
    const rows: Row[] = await db
      .select({ id: 'id' })
      .from('tickets')
      .where(qb => inWindow(qb, 'created_at'))
      .union(qb =>
        inWindow(qb.select('ticket_id').from('ticket_clocks'), 'stopped_at'),
      )
      .union(qb =>
        inWindow(qb.select('ticket_id').from('ticket_clocks'), 'breached_at'),
      )
      // Still running at the end: started before it, neither stopped nor breached before it.
      .union(qb =>
        qb
          .select('ticket_id')
          .from('ticket_clocks')
          .where('started_at', '<', end)
          .where(q =>
            q.whereNull('stopped_at').orWhere('stopped_at', '>=', end),
          )
          .where(q =>
            q.whereNull('breached_at').orWhere('breached_at', '>=', end),
          ),
      )
      .union(qb =>
        inWindow(
          qb
            .select('ticket_id')
            .from('ticket_events')
            .whereIn('type', [
              'resolved',
              'reopened',
              'called-back',
              'submitted',
            ]),
          'at',
        ),
      )
      .union(qb =>
        qb
          .select('ticket_id')
          .from('ticket_work_logs')
          .where('work_date', '>=', period.from)
          .where('work_date', '<=', period.to),
      )
      .union(qb =>
        inWindow(qb.select('ticket_id').from('ticket_changes'), 'decided_at'),
      )
      .union(qb =>
        inWindow(qb.select('ticket_id').from('ticket_changes'), 'finished_at'),
      );
    return rows.map(row => String(row.id));
  }

  /**
   * `column` is one of `ids`, bound as one value whatever their number
   * (SQLite limits bound parameters, PostgreSQL a statement's size).
   */
  private idIn(qb: Knex.QueryBuilder, column: string, ids: readonly string[]) {
    return String(this.db.client.config.client).includes('sqlite')
      ? qb.whereRaw('?? in (select value from json_each(?))', [
          column,
          JSON.stringify(ids),
        ])
      : qb.whereRaw('?? = any(?::text[])', [column, [...ids]]);
  }
}

/** Stored instants are fixed-width `…T02:10:00.000Z` strings: compare like with like. */
function toStoredInstants(window: PeriodWindow) {
  return {
    start: new Date(window.start).toISOString(),
    end: new Date(window.end).toISOString(),
  };
}

function dataOf(row: Row): Record<string, unknown> {
  return typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
}

function toClockFact(row: Row): TicketClockFact {
  return {
    clock: row.clock as ClockName,
    level: row.level as PriorityLevel,
    startedAt: row.started_at ?? undefined,
    stoppedAt: row.stopped_at ?? undefined,
    breachedAt: row.breached_at ?? undefined,
    elapsedMs: Number(row.elapsed_ms),
    pausedMs: Number(row.paused_ms),
  };
}

function toWorkLogFact(row: Row): WorkLogFact {
  return {
    engineer: String(row.engineer),
    minutes: Number(row.minutes),
    workDate: String(row.work_date),
  };
}

interface Refs {
  entityRefs: string[];
  systemRefs: string[];
}

function toTicketFact(
  row: Row,
  refs: Refs,
  log: Row[],
  clocks: TicketClockFact[],
  workLogs: WorkLogFact[],
): TicketFact {
  const of = (type: string) => log.filter(event => event.type === type);
  const created = of('created')[0];
  const assignedAtFiling =
    created !== undefined &&
    (dataOf(created).assignee !== undefined ||
      dataOf(created).group !== undefined);
  const assignments = of('assigned').length;
  const knownError = of('resolved')
    .map(event => dataOf(event).knowledgeArticle)
    .filter((article): article is string => typeof article === 'string')
    .pop();
  const callBack = of('called-back').pop();
  const satisfaction = callBack ? dataOf(callBack).satisfaction : undefined;
  return {
    id: String(row.id),
    number: String(row.number),
    title: String(row.title),
    type: row.type,
    category: (row.category as ServiceRequestCategory | null) ?? undefined,
    channel: row.channel as TicketChannel,
    level: row.level as PriorityLevel,
    status: row.status as TicketStatus,
    ...refs,
    assignee: row.assignee ?? undefined,
    createdAt: String(row.created_at),
    arrivedAt: of('arrived')[0]?.at ?? undefined,
    resolvedAt: row.resolved_at ?? undefined,
    closedAt: row.closed_at ?? undefined,
    reopenedAt: of('reopened').map(event => String(event.at)),
    // The first assignment, at filing or later, hands nothing over.
    reassignments: Math.max(0, assignments - (assignedAtFiling ? 0 : 1)),
    knownErrorArticle: knownError,
    satisfaction: typeof satisfaction === 'number' ? satisfaction : undefined,
    calledBackAt: callBack?.at ?? undefined,
    workLogs,
    clocks,
  };
}

/** Undefined for a draft: a change counts from its filing. */
function toChangeFact(
  row: Row,
  refs: Refs,
  log: Row[],
  workLogs: WorkLogFact[],
): ChangeFact | undefined {
  const filed = log.find(event => event.type === 'submitted');
  if (!filed) return undefined;
  const status = row.status as ChangeStatus;
  return {
    id: String(row.id),
    number: String(row.number),
    title: String(row.title),
    status,
    emergency: Boolean(row.emergency),
    risk: row.risk_level as RiskLevel,
    ...refs,
    filedAt: String(filed.at),
    decision: row.decided_at
      ? status === 'rejected'
        ? 'rejected'
        : 'approved'
      : undefined,
    decidedAt: row.decided_at ?? undefined,
    outcome: OUTCOMES.includes(status) ? (status as ChangeOutcome) : undefined,
    finishedAt: row.finished_at ?? undefined,
    workLogs,
  };
}
