import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CoverageStore, DatabaseCoverageStore } from './CoverageStore';
import { DatabasePlanStore, PlanStore } from './PlanStore';
import { DatabaseRoundStore, RoundStore } from './RoundStore';
import { DatabaseTemplateStore, TemplateStore } from './TemplateStore';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-inspections-backend',
  'migrations',
);

/**
 * Inspections in the plugin's own database (SQLite or PostgreSQL), one store
 * per aggregate; composed here, and only here.
 */
export interface InspectionStores {
  readonly templates: TemplateStore;
  readonly plans: PlanStore;
  readonly rounds: RoundStore;
  readonly coverage: CoverageStore;
}

export async function openInspectionStores(options: {
  database: DatabaseService;
  skipMigrations?: boolean;
}): Promise<InspectionStores> {
  return inspectionStoresFromKnex(await options.database.getClient(), options);
}

export async function inspectionStoresFromKnex(
  db: Knex,
  options: { skipMigrations?: boolean } = {},
): Promise<InspectionStores> {
  await prepareStoreDatabase(db, {
    migrationsDir,
    skipMigrations: options.skipMigrations,
  });
  return {
    templates: new DatabaseTemplateStore(db),
    plans: new DatabasePlanStore(db),
    rounds: new DatabaseRoundStore(db),
    coverage: new DatabaseCoverageStore(db),
  };
}
