import { Knex } from 'knex';

/** Rounds and failed items of a period, for the reports' inspection figures. */
export interface InspectionPeriodCounts {
  /** Scheduled rounds dated in the period, and those with every check answered. */
  readonly roundsPlanned: number;
  readonly roundsDone: number;
  /** Failing answers on checks due in the period. */
  readonly failedItems: number;
  /** Answers on those checks that opened an incident (kept when a later answer passes). */
  readonly incidentsOpened: number;
}

/**
 * Counts for a period (`from`, `to`: court dates, both included), each one
 * aggregate query; `system` narrows to the checks of that system's devices.
 */
export class InspectionFiguresStore {
  constructor(private readonly db: Knex) {}

  async counts(
    from: string,
    to: string,
    system?: string,
  ): Promise<InspectionPeriodCounts> {
    const rounds = this.db('inspection_rounds as r')
      .join('inspection_checks as c', 'c.round_id', 'r.id')
      .where('r.kind', 'scheduled')
      .whereBetween('r.date', [from, to])
      .groupBy('r.id')
      .select(
        'r.id',
        this.db.raw(
          "SUM(CASE WHEN c.status = 'pending' THEN 1 ELSE 0 END) as pending",
        ),
      );
    if (system) rounds.where('c.system_ref', system);
    const results = this.db('inspection_results as res')
      .join('inspection_checks as c', 'c.id', 'res.check_id')
      .whereBetween('c.due_date', [from, to])
      .select(
        this.db.raw(
          "SUM(CASE WHEN res.verdict <> 'pass' THEN 1 ELSE 0 END) as failed",
        ),
        this.db.raw(
          'SUM(CASE WHEN res.ticket_number IS NOT NULL THEN 1 ELSE 0 END) as incidents',
        ),
      );
    if (system) results.where('c.system_ref', system);
    const [roundRows, [resultRow]] = await Promise.all([rounds, results]);
    return {
      roundsPlanned: roundRows.length,
      roundsDone: roundRows.filter(row => Number(row.pending) === 0).length,
      failedItems: Number(resultRow?.failed ?? 0),
      incidentsOpened: Number(resultRow?.incidents ?? 0),
    };
  }
}
