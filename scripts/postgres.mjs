// What the backup and restore scripts share about PostgreSQL: the connection the portal's
// production config uses (POSTGRES_HOST, _PORT, _USER, _PASSWORD), as libpq's environment.
import { spawnSync } from 'node:child_process';

export function postgresEnv() {
  return {
    ...process.env,
    PGHOST: process.env.POSTGRES_HOST ?? '127.0.0.1',
    PGPORT: process.env.POSTGRES_PORT ?? '5432',
    PGUSER: process.env.POSTGRES_USER ?? 'postgres',
    ...(process.env.POSTGRES_PASSWORD ? { PGPASSWORD: process.env.POSTGRES_PASSWORD } : {}),
  };
}

/** Names of the databases that start with `prefix` (Backstage: one per plugin). */
export function postgresDatabases(env, prefix) {
  const list = spawnSync(
    'psql',
    ['--dbname', 'postgres', '--tuples-only', '--no-align', '--command', 'SELECT datname FROM pg_database ORDER BY datname'],
    { env, encoding: 'utf8' },
  );
  if (list.status !== 0) throw new Error(`psql could not list databases: ${list.stderr}`);
  return list.stdout
    .split('\n')
    .map(line => line.trim())
    .filter(name => name.startsWith(prefix));
}
