import type { Plan, StoredPlan } from '@internal/plugin-inspections-common';
import { Knex } from 'knex';

/** Inspection plans: what is inspected, how often, by which team. */
export interface PlanStore {
  listPlans(): Promise<StoredPlan[]>;

  savePlan(plan: Plan, by: string, at: string): Promise<StoredPlan>;

  /** Adds the plans whose ids are not stored yet; stored plans stay as they are. */
  seedPlans(plans: readonly Plan[], by: string, at: string): Promise<void>;
}

export class DatabasePlanStore implements PlanStore {
  constructor(private readonly db: Knex) {}

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
      .insert(planRow(plan, by, at))
      .onConflict('id')
      .merge();
    return { ...plan, updatedAt: at, updatedBy: by };
  }

  async seedPlans(
    plans: readonly Plan[],
    by: string,
    at: string,
  ): Promise<void> {
    for (const plan of plans) {
      await this.db('inspection_plans')
        .insert(planRow(plan, by, at))
        .onConflict('id')
        .ignore();
    }
  }
}

function planRow(plan: Plan, by: string, at: string) {
  return {
    id: plan.id,
    body: JSON.stringify(plan),
    updated_at: at,
    updated_by: by,
  };
}
