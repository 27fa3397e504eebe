import type {
  DeviceTally,
  OverdueCheck,
  VirusAnswer,
} from '@internal/plugin-inspections-common';
import { Knex } from 'knex';
import { optional, toCheck, toResult } from './columns';
import { StoredCheck, StoredResult } from './rows';

/** Whose checks: one device's (or application's), or every device of a system. */
export type EntityScope = { device: string } | { system: string };

/**
 * Read-only views over the checks: coverage, overdue checks, virus answers,
 * a device's or a system's history.
 */
export interface CoverageStore {
  /** Each device's scheduled checks due in [from, to], added up. */
  coverageTallies(
    from: string,
    to: string,
    asOf: string,
    system?: string,
  ): Promise<DeviceTally[]>;

  /** Scheduled checks due in [from, to] and not done by `asOf`, oldest first. */
  overdueChecks(
    from: string,
    to: string,
    asOf: string,
    system?: string,
    limit?: number,
  ): Promise<OverdueCheck[]>;

  /**
   * The virus answers (INSP-3) of the checks due in [from, to], one entry per
   * check; `system`: only on that system's PCs.
   */
  virusAnswers(
    from: string,
    to: string,
    system?: string,
  ): Promise<VirusAnswer[]>;

  /** The latest checks of a device or a system, up to `asOf`, latest first. */
  checksOf(
    scope: EntityScope,
    asOf: string,
    limit: number,
  ): Promise<StoredCheck[]>;

  /** The earliest open scheduled check per plan. */
  openChecksOf(scope: EntityScope): Promise<StoredCheck[]>;

  /** Failing answers on a device or system, latest first, with their checks. */
  failuresOf(
    scope: EntityScope,
    limit: number,
  ): Promise<{ check: StoredCheck; result: StoredResult }[]>;
}

export class DatabaseCoverageStore implements CoverageStore {
  constructor(private readonly db: Knex) {}

  private scheduledIn(from: string, to: string, system?: string) {
    const query = this.db('inspection_checks as c')
      .whereNotNull('c.plan_id')
      .whereBetween('c.due_date', [from, to]);
    return system ? query.where('c.system_ref', system) : query;
  }

  async coverageTallies(
    from: string,
    to: string,
    asOf: string,
    system?: string,
  ): Promise<DeviceTally[]> {
    // One group per device (a device has one system and class; MAX picks it).
    // Titles are left out so the query reads the coverage index alone.
    const rows = await this.scheduledIn(from, to, system)
      .groupBy('c.device_ref')
      .select(
        'c.device_ref',
        this.db.raw('MAX(c.system_ref) as system_ref'),
        this.db.raw('MAX(c.device_class) as device_class'),
        this.db.raw('COUNT(*) as due'),
        this.db.raw(
          "SUM(CASE WHEN c.status <> 'pending' THEN 1 ELSE 0 END) as done",
        ),
        this.db.raw(
          "SUM(CASE WHEN c.status = 'failed' THEN 1 ELSE 0 END) as failed",
        ),
        this.db.raw(
          "SUM(CASE WHEN c.status = 'pending' AND c.due_by < ? THEN 1 ELSE 0 END) as overdue",
          [asOf],
        ),
      );
    return rows.map(row => ({
      deviceRef: row.device_ref,
      systemRef: optional(row.system_ref),
      deviceClass: row.device_class,
      due: Number(row.due),
      done: Number(row.done),
      failed: Number(row.failed),
      overdue: Number(row.overdue),
    }));
  }

  async overdueChecks(
    from: string,
    to: string,
    asOf: string,
    system?: string,
    limit = 500,
  ): Promise<OverdueCheck[]> {
    const rows = await this.scheduledIn(from, to, system)
      .join('inspection_rounds as r', 'r.id', 'c.round_id')
      .where('c.status', 'pending')
      .where('c.due_by', '<', asOf)
      .orderBy([{ column: 'c.due_date' }, { column: 'c.device_ref' }])
      .limit(limit)
      .select('c.*', 'r.assignee');
    return rows.map(row => ({
      checkId: row.id,
      roundId: row.round_id,
      planId: row.plan_id,
      deviceRef: row.device_ref,
      deviceTitle: row.device_title,
      deviceClass: row.device_class,
      systemRef: optional(row.system_ref),
      dueDate: row.due_date,
      dueBy: row.due_by,
      assignee: optional(row.assignee),
    }));
  }

  async virusAnswers(
    from: string,
    to: string,
    system?: string,
  ): Promise<VirusAnswer[]> {
    const query = this.db('inspection_results as res')
      .join('inspection_checks as c', 'c.id', 'res.check_id')
      .whereIn('res.stat', ['virus-count', 'virus-handling'])
      .whereBetween('c.due_date', [from, to]);
    if (system) query.where('c.system_ref', system);
    const rows = await query.select(
      'c.id',
      'c.device_ref',
      'res.stat',
      'res.reading',
      'res.choice',
    );
    const byCheck = new Map<string, VirusAnswer>();
    for (const row of rows) {
      const seen = byCheck.get(row.id) ?? {
        checkId: row.id,
        deviceRef: row.device_ref,
      };
      byCheck.set(row.id, {
        ...seen,
        ...(row.stat === 'virus-count'
          ? { found: Number(row.reading) }
          : { handling: row.choice }),
      });
    }
    return [...byCheck.values()];
  }

  private ofEntity(scope: EntityScope) {
    return 'device' in scope
      ? this.db('inspection_checks as c').where('c.device_ref', scope.device)
      : this.db('inspection_checks as c').where('c.system_ref', scope.system);
  }

  async checksOf(
    scope: EntityScope,
    asOf: string,
    limit: number,
  ): Promise<StoredCheck[]> {
    const rows = await this.ofEntity(scope)
      .where('c.due_date', '<=', asOf)
      .orderBy([
        { column: 'c.due_date', order: 'desc' },
        { column: 'c.route_order' },
      ])
      .limit(limit)
      .select('c.*');
    return rows.map(toCheck);
  }

  async openChecksOf(scope: EntityScope): Promise<StoredCheck[]> {
    const rows = await this.ofEntity(scope)
      .whereNotNull('c.plan_id')
      .where('c.status', 'pending')
      .orderBy('c.due_date')
      .select('c.*');
    const byPlan = new Map<string, StoredCheck>();
    for (const check of rows.map(toCheck)) {
      if (!byPlan.has(check.planId!)) byPlan.set(check.planId!, check);
    }
    return [...byPlan.values()];
  }

  async failuresOf(
    scope: EntityScope,
    limit: number,
  ): Promise<{ check: StoredCheck; result: StoredResult }[]> {
    const rows = await this.ofEntity(scope)
      .join('inspection_results as res', 'res.check_id', 'c.id')
      .whereNot('res.verdict', 'pass')
      .orderBy('res.recorded_at', 'desc')
      .limit(limit)
      .select(
        'c.*',
        'res.check_id',
        'res.item_id',
        'res.value',
        'res.verdict',
        'res.stat',
        'res.remark',
        'res.idempotency_key',
        'res.recorded_by',
        'res.recorded_at',
        'res.ticket_number',
      );
    return rows.map(row => ({ check: toCheck(row), result: toResult(row) }));
  }
}
