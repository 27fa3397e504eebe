import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  DatabaseSlaProjectionStore,
  SlaProjectionStore,
} from './SlaProjectionStore';
import {
  DatabaseTicketHistoryStore,
  TicketHistoryStore,
} from './TicketHistoryStore';
import {
  DatabaseTicketRecordStore,
  TicketRecordStore,
} from './TicketRecordStore';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-tickets-backend',
  'migrations',
);

/**
 * The ticket family's stores, one per aggregate, on one Knex. A write that
 * spans them (a filing writes the row, its first events and its projection)
 * runs in the record store's transaction, never in separate ones.
 */
export interface TicketStores {
  readonly records: TicketRecordStore;
  readonly history: TicketHistoryStore;
  readonly projection: SlaProjectionStore;
}

/** Migrates the plugin's database (unless told not to) and opens its stores. */
export async function createTicketStores(
  db: Knex,
  options: { skipMigrations?: boolean } = {},
): Promise<TicketStores> {
  await prepareStoreDatabase(db, {
    migrationsDir,
    skipMigrations: options.skipMigrations,
  });
  return {
    records: new DatabaseTicketRecordStore(db),
    history: new DatabaseTicketHistoryStore(db),
    projection: new DatabaseSlaProjectionStore(db),
  };
}
