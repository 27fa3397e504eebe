import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  ChecklistTemplate,
  DeviceTally,
  OverdueCheck,
  Plan,
  StoredPlan,
  VirusAnswer,
} from '@internal/plugin-inspections-common';
import { Knex } from 'knex';
import {
  NewCheck,
  NewResult,
  NewRound,
  StoredCheck,
  StoredResult,
  StoredRound,
} from './rows';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-inspections-backend',
  'migrations',
);

/** Rows per INSERT: well under SQLite's limit on bound variables. */
const CHUNK = 200;

/** Whose checks: one device's (or application's), or every device of a system. */
export type EntityScope = { device: string } | { system: string };

type Row = Record<string, unknown>;

const optional = <T>(value: T | null | undefined): T | undefined =>
  value ?? undefined;

function toCheck(row: Row): StoredCheck {
  return {
    id: String(row.id),
    roundId: String(row.round_id),
    planId: optional(row.plan_id as string | null),
    deviceRef: String(row.device_ref),
    deviceTitle: String(row.device_title),
    deviceClass: String(row.device_class),
    systemRef: optional(row.system_ref as string | null),
    location: optional(row.location as string | null),
    routeOrder: String(row.route_order),
    templateId: String(row.template_id),
    templateVersion: Number(row.template_version),
    dueDate: String(row.due_date),
    dueBy: String(row.due_by),
    status: row.status as StoredCheck['status'],
    scannedAt: optional(row.scanned_at as string | null),
    completedAt: optional(row.completed_at as string | null),
    completedBy: optional(row.completed_by as string | null),
  };
}

function toResult(row: Row): StoredResult {
  return {
    checkId: String(row.check_id),
    itemId: String(row.item_id),
    value: JSON.parse(String(row.value)),
    verdict: row.verdict as StoredResult['verdict'],
    stat: optional(row.stat as string | null),
    remark: optional(row.remark as string | null),
    idempotencyKey: String(row.idempotency_key),
    recordedBy: String(row.recorded_by),
    recordedAt: String(row.recorded_at),
    ticketNumber: optional(row.ticket_number as string | null),
  };
}

function toRound(row: Row): StoredRound {
  return {
    id: String(row.id),
    date: String(row.date),
    kind: row.kind as StoredRound['kind'],
    team: optional(row.team as string | null),
    routeKey: String(row.route_key),
    assignee: optional(row.assignee as string | null),
    checks: Number(row.checks ?? 0),
    done: Number(row.done ?? 0),
    failed: Number(row.failed ?? 0),
    dueBy: String(row.due_by ?? row.date),
  };
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(rows.slice(i, i + CHUNK));
  }
  return out;
}

/**
 * Inspections in the plugin's own database (SQLite or PostgreSQL): template
 * versions, plans, rounds with their checks and answers, scans. Unique keys
 * make generation and saving idempotent, whichever replica runs them.
 */
export class DatabaseInspectionStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseInspectionStore> {
    const db = await options.database.getClient();
    return DatabaseInspectionStore.fromKnex(db, options);
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<DatabaseInspectionStore> {
    if (db.client.config.client.includes('sqlite')) {
      // Readers keep reading while a save commits; Backstage leaves the
      // default rollback journal on.
      await db.raw('PRAGMA journal_mode = WAL');
    }
    if (!options.skipMigrations) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseInspectionStore(db);
  }

  // --- templates ---------------------------------------------------------

  /**
   * Stores a template's content as a new version unless this exact content
   * is stored already; returns its version either way.
   */
  async saveTemplate(
    template: ChecklistTemplate,
    hash: string,
    at: string,
  ): Promise<number> {
    for (;;) {
      const same = await this.db('inspection_templates')
        .where({ id: template.id, hash })
        .first('version');
      if (same) return Number(same.version);
      const latest = await this.db('inspection_templates')
        .where({ id: template.id })
        .max({ version: 'version' })
        .first();
      const version = Number(latest?.version ?? 0) + 1;
      const inserted = await this.db('inspection_templates')
        .insert({
          id: template.id,
          version,
          hash,
          body: JSON.stringify(template),
          loaded_at: at,
        })
        .onConflict()
        .ignore()
        .returning('id');
      // Another replica loading at the same time took this version: look again.
      if (insertedCount(inserted) > 0) return version;
    }
  }

  async templateVersions(
    keys: readonly { id: string; version: number }[],
  ): Promise<(ChecklistTemplate & { version: number })[]> {
    if (keys.length === 0) return [];
    const rows = await this.db('inspection_templates').where(builder => {
      for (const key of keys) {
        builder.orWhere({ id: key.id, version: key.version });
      }
    });
    return rows.map(row => ({
      ...JSON.parse(row.body),
      version: Number(row.version),
    }));
  }

  // --- plans -------------------------------------------------------------

  async listPlans(): Promise<StoredPlan[]> {
    const rows = await this.db('inspection_plans').orderBy('id');
    return rows.map(row => ({
      ...JSON.parse(row.body),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    }));
  }

  async savePlan(plan: Plan, by: string, at: string): Promise<StoredPlan> {
    await this.db('inspection_plans')
      .insert({
        id: plan.id,
        body: JSON.stringify(plan),
        updated_at: at,
        updated_by: by,
      })
      .onConflict('id')
      .merge();
    return { ...plan, updatedAt: at, updatedBy: by };
  }

  /** Adds the plans whose ids are not stored yet; stored plans stay as they are. */
  async seedPlans(plans: readonly Plan[], by: string, at: string) {
    for (const plan of plans) {
      await this.db('inspection_plans')
        .insert({
          id: plan.id,
          body: JSON.stringify(plan),
          updated_at: at,
          updated_by: by,
        })
        .onConflict('id')
        .ignore();
    }
  }

  // --- generation ----------------------------------------------------------

  async generatedThrough(): Promise<string | undefined> {
    const row = await this.db('inspection_generation')
      .where({ id: 'scheduled' })
      .first();
    return row?.generated_through;
  }

  async setGeneratedThrough(date: string, at: string): Promise<void> {
    await this.db('inspection_generation')
      .insert({ id: 'scheduled', generated_through: date, updated_at: at })
      .onConflict('id')
      .merge();
  }

  /**
   * Claims telling the ops managers that rounds wait for `year`'s official
   * schedule: true for the one caller (of all replicas) that claimed it.
   */
  async claimUncoveredYearAlert(year: number, at: string): Promise<boolean> {
    const inserted = await this.db('inspection_uncovered_year_alerts')
      .insert({ year, notified_at: at })
      .onConflict('year')
      .ignore()
      .returning('year');
    return inserted.length === 1;
  }

  /** Gives a claim back when the notification could not be sent, so the next run retries. */
  async releaseUncoveredYearAlert(year: number): Promise<void> {
    await this.db('inspection_uncovered_year_alerts').where({ year }).delete();
  }

  /**
   * Creates the scheduled rounds not there yet and returns every round's id
   * by schedule key; a round that exists keeps its id and assignee.
   */
  async ensureRounds(
    rounds: readonly NewRound[],
  ): Promise<Map<string, string>> {
    for (const chunk of chunks(rounds)) {
      await this.db('inspection_rounds')
        .insert(chunk.map(roundColumns))
        .onConflict('schedule_key')
        .ignore();
    }
    const ids = new Map<string, string>();
    for (const chunk of chunks(rounds.map(r => r.scheduleKey!))) {
      const rows = await this.db('inspection_rounds')
        .whereIn('schedule_key', chunk)
        .select('id', 'schedule_key');
      for (const row of rows) ids.set(row.schedule_key, row.id);
    }
    return ids;
  }

  /** The occurrence keys of the scheduled checks due in [from, to]. */
  async existingOccurrences(from: string, to: string): Promise<Set<string>> {
    const rows = await this.db('inspection_checks')
      .whereNotNull('occurrence_key')
      .whereBetween('due_date', [from, to])
      .select('occurrence_key');
    return new Set(rows.map(row => row.occurrence_key));
  }

  /** Inserts checks; one whose occurrence exists already is skipped. Returns how many were added. */
  async insertChecks(checks: readonly NewCheck[]): Promise<number> {
    let added = 0;
    for (const chunk of chunks(checks)) {
      const result = await this.db('inspection_checks')
        .insert(
          chunk.map(check => ({
            id: check.id,
            round_id: check.roundId,
            plan_id: check.planId ?? null,
            occurrence_key: check.occurrenceKey ?? null,
            device_ref: check.deviceRef,
            device_title: check.deviceTitle,
            device_class: check.deviceClass,
            system_ref: check.systemRef ?? null,
            location: check.location ?? null,
            route_order: check.routeOrder,
            template_id: check.templateId,
            template_version: check.templateVersion,
            due_date: check.dueDate,
            due_by: check.dueBy,
            status: 'pending',
          })),
        )
        .onConflict('occurrence_key')
        .ignore()
        .returning('id');
      added += insertedCount(result);
    }
    return added;
  }

  /** An ad-hoc round and its checks, together. */
  async insertAdHocRound(
    round: NewRound,
    checks: readonly NewCheck[],
  ): Promise<StoredRound> {
    await this.db.transaction(async trx => {
      await trx('inspection_rounds').insert(roundColumns(round));
      await new DatabaseInspectionStore(trx).insertChecks(checks);
    });
    return (await this.round(round.id))!;
  }

  // --- rounds and checks --------------------------------------------------

  private roundsQuery() {
    return this.db('inspection_rounds as r')
      .leftJoin('inspection_checks as c', 'c.round_id', 'r.id')
      .groupBy('r.id')
      .select(
        'r.*',
        this.db.raw('COUNT(c.id) as checks'),
        this.db.raw(
          "SUM(CASE WHEN c.status <> 'pending' THEN 1 ELSE 0 END) as done",
        ),
        this.db.raw(
          "SUM(CASE WHEN c.status = 'failed' THEN 1 ELSE 0 END) as failed",
        ),
        this.db.raw('MAX(c.due_by) as due_by'),
      );
  }

  async roundsOn(date: string): Promise<StoredRound[]> {
    const rows = await this.roundsQuery()
      .where('r.date', date)
      .orderBy([
        { column: 'r.kind' },
        { column: 'r.route_key' },
        { column: 'r.team' },
      ]);
    return rows.map(toRound);
  }

  async round(id: string): Promise<StoredRound | undefined> {
    const row = await this.roundsQuery().where('r.id', id).first();
    return row ? toRound(row) : undefined;
  }

  async checksOfRound(roundId: string): Promise<StoredCheck[]> {
    const rows = await this.db('inspection_checks').where({
      round_id: roundId,
    });
    return rows.map(toCheck);
  }

  async check(id: string): Promise<StoredCheck | undefined> {
    const row = await this.db('inspection_checks').where({ id }).first();
    return row ? toCheck(row) : undefined;
  }

  async resultsOf(checkIds: readonly string[]): Promise<StoredResult[]> {
    const results: StoredResult[] = [];
    for (const chunk of chunks(checkIds)) {
      const rows = await this.db('inspection_results').whereIn(
        'check_id',
        chunk,
      );
      results.push(...rows.map(toResult));
    }
    return results;
  }

  /**
   * Saves one answer and brings its check's status up to date, in one
   * transaction. The same idempotency key again changes nothing (`replayed`);
   * a new answer to the same item replaces the old one but keeps its incident.
   * @param required the items that must be answered for the check to be done
   */
  async saveResult(
    result: NewResult,
    required: readonly string[],
  ): Promise<{ result: StoredResult; check: StoredCheck; replayed: boolean }> {
    return this.db.transaction(async trx => {
      const key = { check_id: result.checkId, item_id: result.itemId };
      const existing = await trx('inspection_results').where(key).first();
      if (existing && existing.idempotency_key === result.idempotencyKey) {
        const check = await trx('inspection_checks')
          .where({ id: result.checkId })
          .first();
        return {
          result: toResult(existing),
          check: toCheck(check),
          replayed: true,
        };
      }
      const columns = {
        value: JSON.stringify(result.value),
        reading: result.value.kind === 'reading' ? result.value.value : null,
        choice: result.value.kind === 'choice' ? result.value.value : null,
        verdict: result.verdict,
        stat: result.stat ?? null,
        remark: result.remark ?? null,
        idempotency_key: result.idempotencyKey,
        recorded_by: result.recordedBy,
        recorded_at: result.recordedAt,
      };
      await trx('inspection_results')
        .insert({ ...key, ...columns })
        .onConflict(['check_id', 'item_id'])
        .merge(Object.keys(columns));

      const answers = await trx('inspection_results')
        .where({ check_id: result.checkId })
        .select('item_id', 'verdict');
      const answered = new Set(answers.map(a => a.item_id));
      const complete = required.every(id => answered.has(id));
      const failing = answers.some(a => a.verdict !== 'pass');
      const current = await trx('inspection_checks')
        .where({ id: result.checkId })
        .first();
      const doneAs = failing ? 'failed' : 'passed';
      const status = complete ? doneAs : 'pending';
      await trx('inspection_checks')
        .where({ id: result.checkId })
        .update({
          status,
          completed_at: complete
            ? current.completed_at ?? result.recordedAt
            : null,
          completed_by: complete
            ? current.completed_by ?? result.recordedBy
            : null,
        });
      const [saved, check] = await Promise.all([
        trx('inspection_results').where(key).first(),
        trx('inspection_checks').where({ id: result.checkId }).first(),
      ]);
      return {
        result: toResult(saved),
        check: toCheck(check),
        replayed: false,
      };
    });
  }

  /** Links the incident to the answer, unless one is linked already. */
  async setTicketNumber(checkId: string, itemId: string, number: string) {
    await this.db('inspection_results')
      .where({ check_id: checkId, item_id: itemId })
      .whereNull('ticket_number')
      .update({ ticket_number: number });
  }

  /** Failing answers whose incident has not been filed yet (the desk was unreachable). */
  async unfiledFailures(limit: number): Promise<StoredResult[]> {
    const rows = await this.db('inspection_results')
      .whereNot('verdict', 'pass')
      .whereNull('ticket_number')
      .orderBy('recorded_at')
      .limit(limit);
    return rows.map(toResult);
  }

  // --- scans ----------------------------------------------------------------

  /**
   * The device's check a scan belongs to: in the given round, else among the
   * day's rounds the earliest open one, or, when all are answered, the
   * answered one (the scan is still evidence that someone was on site).
   */
  async openCheckOf(
    deviceRef: string,
    date: string,
    roundId?: string,
  ): Promise<StoredCheck | undefined> {
    const query = this.db('inspection_checks as c')
      .join('inspection_rounds as r', 'r.id', 'c.round_id')
      .where('c.device_ref', deviceRef)
      .select('c.*')
      .orderBy([
        { column: 'c.status', order: 'desc' }, // 'pending' before 'passed'/'failed'
        { column: 'c.due_date' },
      ]);
    const row = roundId
      ? await query.where('c.round_id', roundId).first()
      : await query.where('r.date', date).first();
    return row ? toCheck(row) : undefined;
  }

  /** Records a scan; the check keeps its first scan as on-site evidence. */
  async recordScan(scan: {
    deviceRef: string;
    checkId?: string;
    by: string;
    at: string;
  }): Promise<void> {
    await this.db.transaction(async trx => {
      await trx('inspection_scans').insert({
        device_ref: scan.deviceRef,
        check_id: scan.checkId ?? null,
        scanned_by: scan.by,
        scanned_at: scan.at,
      });
      if (scan.checkId) {
        await trx('inspection_checks')
          .where({ id: scan.checkId })
          .whereNull('scanned_at')
          .update({ scanned_at: scan.at });
      }
    });
  }

  // --- coverage and history -------------------------------------------------

  private scheduledIn(from: string, to: string, system?: string) {
    const query = this.db('inspection_checks as c')
      .whereNotNull('c.plan_id')
      .whereBetween('c.due_date', [from, to]);
    return system ? query.where('c.system_ref', system) : query;
  }

  /** Each device's scheduled checks due in [from, to], added up. */
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

  /**
   * The virus answers (INSP-3) of the checks due in [from, to], one entry per
   * check; `system`: only on that system's PCs.
   */
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

  /** The latest checks of a device or a system, up to `asOf`, latest first. */
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

  /** The earliest open scheduled check per plan. */
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

  /** Failing answers on a device or system, latest first, with their checks. */
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

function roundColumns(round: NewRound) {
  return {
    id: round.id,
    date: round.date,
    kind: round.kind,
    team: round.team ?? null,
    route_key: round.routeKey,
    schedule_key: round.scheduleKey ?? null,
    assignee: round.assignee ?? null,
    created_at: round.createdAt,
    created_by: round.createdBy,
  };
}

/** Rows an INSERT … ON CONFLICT DO NOTHING … RETURNING added (both databases return them). */
function insertedCount(result: unknown): number {
  return Array.isArray(result) ? result.length : 0;
}
