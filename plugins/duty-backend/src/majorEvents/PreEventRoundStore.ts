import type {
  PreEventCheck,
  PreEventRound,
} from '@internal/plugin-duty-common';
import { Knex } from 'knex';

const TABLE = 'duty_pre_event_rounds';

interface PreEventRoundRow {
  plan_id: string;
  check: PreEventCheck;
  started_at: string;
  round_id: string | null;
  problem: string | null;
}

/**
 * The pre-event checklist's rounds in duty's database. A claim is a row keyed by (plan, check):
 * whoever inserts it starts the round; every other replica's insert is refused.
 */
export class PreEventRoundStore {
  constructor(private readonly db: Knex) {}

  /** True if this caller now holds the (plan, check); false if someone already did. */
  async claim(
    planId: string,
    check: PreEventCheck,
    at: string,
  ): Promise<boolean> {
    try {
      await this.db(TABLE).insert({
        plan_id: planId,
        check,
        started_at: at,
      });
      return true;
    } catch (error) {
      // The primary key refused it: claimed by another sweep (any other failure is rethrown).
      if (await this.db(TABLE).where({ plan_id: planId, check }).first()) {
        return false;
      }
      throw error;
    }
  }

  /** What came of a claimed check: the round, or why there is none. */
  async settle(
    planId: string,
    check: PreEventCheck,
    outcome: { roundId: string } | { problem: string },
  ): Promise<void> {
    await this.db(TABLE)
      .where({ plan_id: planId, check })
      .update(
        'roundId' in outcome
          ? { round_id: outcome.roundId }
          : { problem: outcome.problem },
      );
  }

  /** Gives a claim back, so a later sweep tries again (inspections could not be reached). */
  async release(planId: string, check: PreEventCheck): Promise<void> {
    await this.db(TABLE).where({ plan_id: planId, check }).delete();
  }

  /** The rounds of these plans, by plan id; the day before first. */
  async ofPlans(
    planIds: readonly string[],
  ): Promise<Map<string, PreEventRound[]>> {
    const byPlan = new Map<string, PreEventRound[]>();
    if (planIds.length === 0) return byPlan;
    const rows: PreEventRoundRow[] = await this.db(TABLE)
      .whereIn('plan_id', planIds)
      .orderBy(['plan_id', 'started_at', 'check']);
    for (const row of rows) {
      const rounds = byPlan.get(row.plan_id) ?? [];
      rounds.push({
        check: row.check,
        startedAt: row.started_at,
        ...(row.round_id !== null ? { roundId: row.round_id } : {}),
        ...(row.problem !== null ? { problem: row.problem } : {}),
      });
      byPlan.set(row.plan_id, rounds);
    }
    return byPlan;
  }
}
