/**
 * better-sqlite3, which the backend already depends on, typed for the few
 * calls the bench makes (@types/better-sqlite3 is not installed).
 */
import { createRequire } from 'node:module';

export interface SqliteStatement {
  run(params?: Record<string, unknown>): unknown;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(pragma: string): unknown;
  transaction<T>(fn: (arg: T) => void): (arg: T) => void;
  close(): void;
}

export const Database = createRequire(import.meta.url)(
  'better-sqlite3',
) as new (file: string) => SqliteDatabase;
