import { Knex } from 'knex';
import {
  chunks,
  insertedCount,
  roundColumns,
  toCheck,
  toResult,
  toRound,
} from './columns';
import {
  NewCheck,
  NewResult,
  NewRound,
  StoredCheck,
  StoredResult,
  StoredRound,
} from './rows';

/**
 * Rounds with their checks, answers and scans, and the generator's
 * bookkeeping. Unique keys make generation and saving idempotent, whichever
 * replica runs them.
 */
export interface RoundStore {
  generatedThrough(): Promise<string | undefined>;

  setGeneratedThrough(date: string, at: string): Promise<void>;

  /**
   * Claims telling the ops managers that rounds wait for `year`'s official
   * schedule: true for the one caller (of all replicas) that claimed it.
   */
  claimUncoveredYearAlert(year: number, at: string): Promise<boolean>;

  /** Gives a claim back when the notification could not be sent, so the next run retries. */
  releaseUncoveredYearAlert(year: number): Promise<void>;

  /**
   * Creates the scheduled rounds not there yet and returns every round's id
   * by schedule key; a round that exists keeps its id and assignee.
   */
  ensureRounds(rounds: readonly NewRound[]): Promise<Map<string, string>>;

  /** The occurrence keys of the scheduled checks due in [from, to]. */
  existingOccurrences(from: string, to: string): Promise<Set<string>>;

  /** Inserts checks; one whose occurrence exists already is skipped. Returns how many were added. */
  insertChecks(checks: readonly NewCheck[]): Promise<number>;

  /** An ad-hoc round and its checks, together. */
  insertAdHocRound(
    round: NewRound,
    checks: readonly NewCheck[],
  ): Promise<StoredRound>;

  roundsOn(date: string): Promise<StoredRound[]>;

  round(id: string): Promise<StoredRound | undefined>;

  checksOfRound(roundId: string): Promise<StoredCheck[]>;

  check(id: string): Promise<StoredCheck | undefined>;

  resultsOf(checkIds: readonly string[]): Promise<StoredResult[]>;

  /**
   * Saves one answer and brings its check's status up to date, in one
   * transaction. The same idempotency key again changes nothing (`replayed`);
   * a new answer to the same item replaces the old one but keeps its incident.
   * @param required the items that must be answered for the check to be done
   */
  saveResult(
    result: NewResult,
    required: readonly string[],
  ): Promise<{ result: StoredResult; check: StoredCheck; replayed: boolean }>;

  /** Links the incident to the answer, unless one is linked already. */
  setTicketNumber(
    checkId: string,
    itemId: string,
    number: string,
  ): Promise<void>;

  /** Failing answers whose incident has not been filed yet (the desk was unreachable). */
  unfiledFailures(limit: number): Promise<StoredResult[]>;

  /**
   * The device's check a scan belongs to: in the given round, else among the
   * day's rounds the earliest open one, or, when all are answered, the
   * answered one (the scan is still evidence that someone was on site).
   */
  openCheckOf(
    deviceRef: string,
    date: string,
    roundId?: string,
  ): Promise<StoredCheck | undefined>;

  /** Records a scan; the check keeps its first scan as on-site evidence. */
  recordScan(scan: {
    deviceRef: string;
    checkId?: string;
    by: string;
    at: string;
  }): Promise<void>;
}

export class DatabaseRoundStore implements RoundStore {
  constructor(private readonly db: Knex) {}

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

  async claimUncoveredYearAlert(year: number, at: string): Promise<boolean> {
    const inserted = await this.db('inspection_uncovered_year_alerts')
      .insert({ year, notified_at: at })
      .onConflict('year')
      .ignore()
      .returning('year');
    return inserted.length === 1;
  }

  async releaseUncoveredYearAlert(year: number): Promise<void> {
    await this.db('inspection_uncovered_year_alerts').where({ year }).delete();
  }

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

  async existingOccurrences(from: string, to: string): Promise<Set<string>> {
    const rows = await this.db('inspection_checks')
      .whereNotNull('occurrence_key')
      .whereBetween('due_date', [from, to])
      .select('occurrence_key');
    return new Set(rows.map(row => row.occurrence_key));
  }

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

  async insertAdHocRound(
    round: NewRound,
    checks: readonly NewCheck[],
  ): Promise<StoredRound> {
    await this.db.transaction(async trx => {
      await trx('inspection_rounds').insert(roundColumns(round));
      await new DatabaseRoundStore(trx).insertChecks(checks);
    });
    return (await this.round(round.id))!;
  }

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

  async setTicketNumber(
    checkId: string,
    itemId: string,
    number: string,
  ): Promise<void> {
    await this.db('inspection_results')
      .where({ check_id: checkId, item_id: itemId })
      .whereNull('ticket_number')
      .update({ ticket_number: number });
  }

  async unfiledFailures(limit: number): Promise<StoredResult[]> {
    const rows = await this.db('inspection_results')
      .whereNot('verdict', 'pass')
      .whereNull('ticket_number')
      .orderBy('recorded_at')
      .limit(limit);
    return rows.map(toResult);
  }

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
}
