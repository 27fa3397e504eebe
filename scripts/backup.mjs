// Backs up Court Ops Portal's data while it runs (README, "Backup and restore").
//
//   bash scripts/backup.sh DIR               the embedded default: every plugin's SQLite file in
//                                            ${COURT_OPS_DATA_DIR:-./data}, through SQLite's online
//                                            backup API (a consistent copy while the portal writes)
//   bash scripts/backup.sh --postgres DIR    production: `pg_dump --format=custom` of every plugin
//                                            database (backstage_plugin_*) on ${POSTGRES_HOST}
//
// DIR must not exist or be empty. It receives one file per plugin and manifest.json (what was
// backed up, when, and each file's SHA-256), which scripts/restore.mjs checks before restoring.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { postgresEnv, postgresDatabases } from './postgres.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    postgres: { type: 'boolean', default: false },
    // Only databases whose names start with this (tests use their own).
    prefix: { type: 'string', default: 'backstage_plugin_' },
    'data-dir': { type: 'string' },
  },
});
const [target] = positionals;
if (!target) fail('usage: backup.mjs [--postgres] DIR');
const dir = resolve(target);
if (existsSync(dir) && readdirSync(dir).length > 0) fail(`${dir} is not empty`);
mkdirSync(dir, { recursive: true });

const startedAt = new Date().toISOString();
const files = values.postgres ? backUpPostgres(dir, values.prefix) : await backUpSqlite(dir);
const manifest = {
  kind: values.postgres ? 'postgres' : 'sqlite',
  startedAt,
  finishedAt: new Date().toISOString(),
  files: files.map(name => ({ name, sha256: sha256(join(dir, name)) })),
};
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`[backup] ${files.length} ${manifest.kind} files in ${dir}`);

async function backUpSqlite(into) {
  const dataDir = resolve(values['data-dir'] ?? process.env.COURT_OPS_DATA_DIR ?? join(import.meta.dirname, '..', 'data'));
  const sources = readdirSync(dataDir).filter(name => name.endsWith('.sqlite'));
  if (sources.length === 0) fail(`no .sqlite files in ${dataDir}`);
  for (const name of sources) {
    const db = new Database(join(dataDir, name), { fileMustExist: true });
    // Waits on the portal's writers (busy timeout) instead of failing on a locked page.
    db.pragma('busy_timeout = 10000');
    try {
      // The online backup restarts by itself when the portal writes meanwhile: the copy is the
      // database as of one instant.
      await db.backup(join(into, name));
    } finally {
      db.close();
    }
  }
  return sources;
}

function backUpPostgres(into, prefix) {
  const env = postgresEnv();
  const names = postgresDatabases(env, prefix);
  if (names.length === 0) fail(`no databases named ${prefix}* on ${env.PGHOST}:${env.PGPORT}`);
  for (const name of names) {
    const file = `${name}.dump`;
    const dump = spawnSync('pg_dump', ['--format=custom', '--file', join(into, file), name], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (dump.status !== 0) fail(`pg_dump ${name} failed (${dump.status})`);
  }
  return names.map(name => `${name}.dump`);
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function fail(message) {
  console.error(`[backup] ${message}`);
  process.exit(1);
}
