import type { Knex } from 'knex';

/** What of a better-sqlite3 connection the cache touches (the package ships no types). */
interface SqliteConnection {
  prepare(sql: string): unknown;
}

interface QueryingClient {
  _query(connection: SqliteConnection | undefined, query: unknown): unknown;
}

/** Distinct statements kept per connection; the least recently used one goes first. */
export const STATEMENTS_PER_CONNECTION = 500;

/**
 * Keeps the statements a better-sqlite3 connection prepared, by their SQL. Knex's client prepares
 * every query anew, and preparing was a tenth of the backend's busy time while the desk filed
 * tickets (docs/operations.md); a plugin runs the same few dozen statements over and over.
 *
 * Reusing one is safe here: knex runs a statement to completion at once (`all` or `run`, never
 * an open iterator), JavaScript runs one at a time, and SQLite prepares a kept statement again by
 * itself when a migration changes the schema under it.
 */
export function keepPreparedStatements(db: Knex): void {
  const client = db.client as unknown as QueryingClient;
  const query = client._query.bind(client);
  const kept = new WeakSet<SqliteConnection>();
  client._query = (connection, request) => {
    if (connection && !kept.has(connection)) {
      kept.add(connection);
      cachePrepare(connection);
    }
    return query(connection, request);
  };
}

function cachePrepare(connection: SqliteConnection) {
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      // A Map iterates in insertion order: moved to the end, it is the most recently used.
      statements.delete(sql);
    } else {
      statement = prepare(sql);
      if (statements.size >= STATEMENTS_PER_CONNECTION) {
        statements.delete(statements.keys().next().value!);
      }
    }
    statements.set(sql, statement);
    return statement;
  };
}
