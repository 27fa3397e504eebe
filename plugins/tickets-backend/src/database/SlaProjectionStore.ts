import { Knex } from 'knex';
import { SlaProjection } from './rows';

/** Stands for "no running clock" in `next_due_at`, so it sorts last. */
const NEVER = '9999-12-31T23:59:59.999Z';

export interface ComplianceCount {
  readonly clock: string;
  readonly level: string;
  readonly state: string;
  readonly count: number;
}

/** An SLA warning or breach, claimed once before it is sent. */
export interface SlaAlertClaim {
  readonly ticketId: string;
  readonly clock: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly sentAt: string;
}

/**
 * The SLA projection of each ticket (its wake-up, due and breach instants
 * and its clocks) and the alerts claimed from it. A ticket's own writes put
 * the projection in their transaction through {@link projectionColumns} and
 * {@link writeClocks}; this store refreshes it between changes.
 */
export interface SlaProjectionStore {
  /** Tickets whose SLA needs a look at or before `now`, oldest first. */
  dueForWatch(now: string, limit: number): Promise<string[]>;
  /** The earliest instant any ticket's SLA needs a look. */
  nextWakeUp(): Promise<string | undefined>;
  /**
   * Rewrites the SLA projection computed from `version`; a ticket changed
   * meanwhile keeps the projection its change wrote.
   */
  refreshProjection(
    id: string,
    version: number,
    projection: SlaProjection,
  ): Promise<boolean>;
  /**
   * Claims an SLA alert; true only for the first caller, so a warning or
   * breach is notified once across replicas and restarts.
   */
  claimAlert(alert: SlaAlertClaim): Promise<boolean>;
  /** Clocks that started in [from, to) by level and state, for compliance. */
  clockOutcomes(options: {
    from: string;
    to: string;
    entity?: string;
    system?: string;
  }): Promise<ComplianceCount[]>;
}

export class DatabaseSlaProjectionStore implements SlaProjectionStore {
  constructor(private readonly db: Knex) {}

  async dueForWatch(now: string, limit: number): Promise<string[]> {
    const rows = await this.db('tickets')
      .where('next_wake_up_at', '<=', now)
      .orderBy('next_wake_up_at')
      .limit(limit)
      .select('id');
    return rows.map(r => r.id);
  }

  async nextWakeUp(): Promise<string | undefined> {
    const row = await this.db('tickets')
      .whereNotNull('next_wake_up_at')
      .min({ at: 'next_wake_up_at' })
      .first();
    return row?.at ?? undefined;
  }

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

  async claimAlert(alert: SlaAlertClaim): Promise<boolean> {
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
}

/** The projection's columns on the `tickets` row, written with the row. */
export function projectionColumns(projection: SlaProjection) {
  return {
    next_wake_up_at: projection.nextWakeUpAt ?? null,
    next_due_at: projection.nextDueAt ?? NEVER,
    at_risk_at: projection.atRiskAt ?? null,
    breached_at: projection.breachedAt ?? null,
  };
}

/** The projection's `ticket_clocks` rows for one ticket. */
export function clockRows(ticketId: string, projection: SlaProjection) {
  return projection.clocks.map(c => ({
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
  }));
}

/**
 * Replaces a ticket's clocks inside the caller's transaction; a ticket being filed (`fresh`)
 * has none to replace.
 */
export async function writeClocks(
  trx: Knex.Transaction,
  ticketId: string,
  projection: SlaProjection,
  { fresh = false } = {},
) {
  if (!fresh) {
    await trx('ticket_clocks').where({ ticket_id: ticketId }).delete();
  }
  if (projection.clocks.length === 0) return;
  await trx('ticket_clocks').insert(clockRows(ticketId, projection));
}
