import { compareClocks } from '@internal/plugin-sla-common';
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
   * Work logs are those dated in the period; facts come oldest first.
   * @param system only facts whose systems include it
   */
  factsIn(
    period: ReportPeriod,
    window: PeriodWindow,
    system?: string,
  ): Promise<{ tickets: TicketFact[]; changes: ChangeFact[] }>;
}

/** What a fact reads from a ticket's log, kept on its row (database/logColumns.ts). */
interface LogFold {
  readonly assignments: number;
  /** The filing named an assignee or a group. */
  readonly routedAtFiling: boolean;
  readonly arrivedAt?: string;
  readonly reopenedAt: string[];
  /** The last resolution's known-error article, of those that name one. */
  readonly knownErrorArticle?: string;
  readonly calledBackAt?: string;
  /** The last call-back's satisfaction, when it gave one. */
  readonly satisfaction?: number;
  /** A change's filing. */
  readonly submittedAt?: string;
}

const LOG_COLUMNS = [
  'tickets.assignments',
  'tickets.routed_at_filing',
  'tickets.arrived_at',
  'tickets.reopened_at',
  'tickets.known_error_article',
  'tickets.called_back_at',
  'tickets.call_back_satisfaction',
  'tickets.filed_at',
];

function toLogFold(row: Row): LogFold {
  return {
    assignments: Number(row.assignments),
    // SQLite's 0/1, PostgreSQL's boolean.
    routedAtFiling: Boolean(row.routed_at_filing),
    arrivedAt: row.arrived_at ?? undefined,
    reopenedAt: row.reopened_at ? String(row.reopened_at).split(',') : [],
    knownErrorArticle: row.known_error_article ?? undefined,
    calledBackAt: row.called_back_at ?? undefined,
    satisfaction:
      row.call_back_satisfaction === null
        ? undefined
        : Number(row.call_back_satisfaction),
    submittedAt: row.filed_at ?? undefined,
  };
}

/**
 * Tickets whose facts are built from one round of reads on SQLite: small enough that a round's
 * rows die young, large enough that a quarter is a dozen rounds.
 */
const FACTS_CHUNK = 2_000;

/** Facts come oldest first; the number orders tickets filed in the same millisecond. */
const ORDER = ['tickets.created_at', 'tickets.number'];

/** A ticket's clocks in the engine's order: response, arrival, resolution. */
const byClockOrder = (a: TicketClockFact, b: TicketClockFact) =>
  compareClocks(a.clock, b.clock);

/** Ended change statuses are their outcome. */
const OUTCOMES: readonly string[] = ['succeeded', 'failed', 'rolled-back'];

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- knex rows are untyped; each column is mapped below

/**
 * Reads the facts with a handful of set-based queries: one for the tickets that
 * may count (ranges on indexed instants, see the report-figure indexes
 * migration), with what the log says on each ticket's row, then one per
 * table for those tickets; on SQLite in rounds of FACTS_CHUNK tickets. No
 * per-ticket query and no read of the log: the clocks come from their stored
 * projection, the rest from the row's log columns.
 */
export class DatabaseTicketFiguresStore implements TicketFiguresStore {
  private readonly chunk?: number;

  /**
   * @param options.factsChunk tickets per round of reads (FACTS_CHUNK on SQLite; PostgreSQL
   * reads in one round unless told); tests cross its boundaries
   */
  constructor(
    private readonly db: Knex,
    options: { factsChunk?: number } = {},
  ) {
    this.chunk =
      options.factsChunk ?? (this.isSqlite() ? FACTS_CHUNK : undefined);
  }

  async factsIn(
    period: ReportPeriod,
    window: PeriodWindow,
    system?: string,
  ): Promise<{ tickets: TicketFact[]; changes: ChangeFact[] }> {
    const { start, end } = toStoredInstants(window);
    // The candidates stay in the database: a month has tens of thousands of candidate rows
    // (a ticket per instant that may count), a quarter over a hundred thousand.
    const chosen = (qb: Knex.QueryBuilder) => {
      qb.whereIn('tickets.id', this.candidates(period, start, end));
      if (system) {
        qb.whereIn(
          'tickets.id',
          this.db('ticket_entities')
            .select('ticket_id')
            .where('system_ref', system),
        );
      }
    };
    // PostgreSQL: one round. There each round is a round trip and a plan, and reading the ids
    // first made a quarter's read 1.3–1.7 times as long (bench/reports.ts).
    if (this.chunk === undefined) {
      return this.factsOf(await this.ticketRows(chosen), period);
    }
    // SQLite, in rounds: read at once, a quarter's rows outlived the young generation and a
    // figures worker's heap grew by their size (issue #13); a round's rows die young.
    const ids = (
      (await this.db('tickets')
        .where(chosen)
        .select('tickets.id')
        .orderBy(ORDER)) as Row[]
    ).map(row => String(row.id));
    const tickets: TicketFact[] = [];
    const changes: ChangeFact[] = [];
    for (let at = 0; at < ids.length; at += this.chunk) {
      const round = this.oneOf(ids.slice(at, at + this.chunk));
      const facts = await this.factsOf(
        await this.ticketRows(round('tickets.id')),
        period,
      );
      tickets.push(...facts.tickets);
      changes.push(...facts.changes);
    }
    return { tickets, changes };
  }

  /** The rows of the tickets `which` chooses, with their change's columns, in fact order. */
  private ticketRows(which: (qb: Knex.QueryBuilder) => void): Promise<Row[]> {
    return this.db('tickets')
      .leftJoin('ticket_changes', 'ticket_changes.ticket_id', 'tickets.id')
      .where(which)
      .select(
        'tickets.id',
        'tickets.number',
        'tickets.title',
        'tickets.type',
        'tickets.category',
        'tickets.channel',
        'tickets.level',
        'tickets.status',
        'tickets.assignee',
        'tickets.created_at',
        'tickets.resolved_at',
        'tickets.closed_at',
        'ticket_changes.emergency',
        'ticket_changes.risk_level',
        'ticket_changes.decided_at',
        'ticket_changes.finished_at',
        ...LOG_COLUMNS,
      )
      .orderBy(ORDER);
  }

  /** The facts of these ticket rows, in their order, with their links, clocks and work. */
  private async factsOf(
    rows: Row[],
    period: ReportPeriod,
  ): Promise<{ tickets: TicketFact[]; changes: ChangeFact[] }> {
    if (rows.length === 0) return { tickets: [], changes: [] };
    const ofIds = this.oneOf(rows.map(row => String(row.id)));
    const [entities, clocks, workLogs] = await Promise.all([
      this.db('ticket_entities')
        .where(ofIds('ticket_id'))
        .select('ticket_id', 'entity_ref', 'system_ref')
        .orderBy(['ticket_id', 'entity_ref']) as Promise<Row[]>,
      this.db('ticket_clocks')
        .where(ofIds('ticket_id'))
        .whereNot('state', 'not-applicable')
        .select(
          'ticket_id',
          'clock',
          'level',
          'started_at',
          'stopped_at',
          'breached_at',
          'elapsed_ms',
          'paused_ms',
        ) as Promise<Row[]>,
      this.db('ticket_work_logs')
        .where(ofIds('ticket_id'))
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
    const workLogsOf = byTicket(workLogs, toWorkLogFact);

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
      const log = toLogFold(row);
      const workLogFacts = workLogsOf.get(id) ?? [];
      if (row.type === 'change') {
        const change = toChangeFact(row, refs, log, workLogFacts);
        if (change) changes.push(change);
      } else {
        tickets.push(
          toTicketFact(
            row,
            refs,
            log,
            // The engine's order on either database, so an issued report's rows come out the same.
            (clocksOf.get(id) ?? []).sort(byClockOrder),
            workLogFacts,
          ),
        );
      }
    }
    return { tickets, changes };
  }

  /**
   * The ids of every ticket or change with something that may count in
   * [start, end), as a subquery (an id may come more than once; `in`
   * needs no more). UNION ALL: a UNION makes SQLite read each part in id
   * order, through the whole clocks table.
   */
  private candidates(
    period: ReportPeriod,
    start: string,
    end: string,
  ): Knex.QueryBuilder {
    const { db } = this;
    const inWindow = (qb: Knex.QueryBuilder, column: string) =>
      qb.where(column, '>=', start).where(column, '<', end);
    return (
      db
        .select({ id: 'id' })
        .from('tickets')
        .where(qb => inWindow(qb, 'created_at'))
        .unionAll(qb =>
          inWindow(qb.select('ticket_id').from('ticket_clocks'), 'stopped_at'),
        )
        .unionAll(qb =>
          inWindow(qb.select('ticket_id').from('ticket_clocks'), 'breached_at'),
        )
        // Still running at the end: started before it, neither stopped nor breached before it.
        .unionAll(qb =>
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
        .unionAll(qb =>
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
        .unionAll(qb =>
          qb
            .select('ticket_id')
            .from('ticket_work_logs')
            .where('work_date', '>=', period.from)
            .where('work_date', '<=', period.to),
        )
        .unionAll(qb =>
          inWindow(qb.select('ticket_id').from('ticket_changes'), 'decided_at'),
        )
        .unionAll(qb =>
          inWindow(
            qb.select('ticket_id').from('ticket_changes'),
            'finished_at',
          ),
        )
    );
  }

  // Not court-node's isSqlite: the figures workers load this file, and court-node's index would
  // bring the backend layer (permissions, express) into each worker's heap.
  private isSqlite() {
    return String(this.db.client.config.client).includes('sqlite');
  }

  /**
   * A filter "`column` is one of `ids`": the ids bound as one value whatever
   * their number (SQLite limits bound parameters, PostgreSQL a statement's
   * size), and encoded once for the reads that share them.
   */
  private oneOf(ids: readonly string[]) {
    const [sql, list] = this.isSqlite()
      ? ['?? in (select value from json_each(?))', JSON.stringify(ids)]
      : ['?? = any(?::text[])', toArrayLiteral(ids)];
    return (column: string) => (qb: Knex.QueryBuilder) =>
      qb.whereRaw(sql, [column, list]);
  }
}

/** A PostgreSQL array literal of texts, every element quoted. */
function toArrayLiteral(texts: readonly string[]): string {
  const quoted = texts.map(
    text => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${quoted.join(',')}}`;
}

/** Stored instants are fixed-width `…T02:10:00.000Z` strings: compare like with like. */
function toStoredInstants(window: PeriodWindow) {
  return {
    start: new Date(window.start).toISOString(),
    end: new Date(window.end).toISOString(),
  };
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
  log: LogFold,
  clocks: TicketClockFact[],
  workLogs: WorkLogFact[],
): TicketFact {
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
    arrivedAt: log.arrivedAt,
    resolvedAt: row.resolved_at ?? undefined,
    closedAt: row.closed_at ?? undefined,
    reopenedAt: log.reopenedAt,
    // The first assignment, at filing or later, hands nothing over.
    reassignments: Math.max(0, log.assignments - (log.routedAtFiling ? 0 : 1)),
    knownErrorArticle: log.knownErrorArticle,
    satisfaction: log.satisfaction,
    calledBackAt: log.calledBackAt,
    workLogs,
    clocks,
  };
}

/** Undefined for a draft: a change counts from its filing. */
function toChangeFact(
  row: Row,
  refs: Refs,
  log: LogFold,
  workLogs: WorkLogFact[],
): ChangeFact | undefined {
  if (!log.submittedAt) return undefined;
  const status = row.status as ChangeStatus;
  // A rejection is final; any other decided change was approved.
  const decided = status === 'rejected' ? 'rejected' : 'approved';
  return {
    id: String(row.id),
    number: String(row.number),
    title: String(row.title),
    status,
    emergency: Boolean(row.emergency),
    risk: row.risk_level as RiskLevel,
    ...refs,
    filedAt: log.submittedAt,
    decision: row.decided_at ? decided : undefined,
    decidedAt: row.decided_at ?? undefined,
    outcome: OUTCOMES.includes(status) ? (status as ChangeOutcome) : undefined,
    finishedAt: row.finished_at ?? undefined,
    workLogs,
  };
}
