// Restores a backup made by scripts/backup.mjs (README, "Backup and restore") into an empty
// data folder (the embedded default) or a PostgreSQL server without the portal's databases.
// The portal must not be running on the target.
//
//   bash scripts/restore.sh DIR               into ${COURT_OPS_DATA_DIR:-./data}
//   bash scripts/restore.sh --postgres DIR    into ${POSTGRES_HOST}: one database per dump
//
// Every file is checked against the manifest's SHA-256 first; nothing is restored if one differs
// or the target already holds data.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { postgresDatabases, postgresEnv } from './postgres.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    postgres: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const [source] = positionals;
if (!source) fail('usage: restore.mjs [--postgres] DIR');
const dir = resolve(source);
const manifestPath = join(dir, 'manifest.json');
if (!existsSync(manifestPath)) fail(`${dir} has no manifest.json: not a backup`);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const kind = values.postgres ? 'postgres' : 'sqlite';
if (manifest.kind !== kind) fail(`${dir} is a ${manifest.kind} backup, not ${kind}`);
for (const file of manifest.files) {
  const actual = createHash('sha256').update(readFileSync(join(dir, file.name))).digest('hex');
  if (actual !== file.sha256) fail(`${file.name} does not match its SHA-256 in the manifest`);
}

if (kind === 'sqlite') restoreSqlite();
else restorePostgres();
console.log(`[restore] ${manifest.files.length} ${kind} files from ${dir} (backup of ${manifest.startedAt})`);

function restoreSqlite() {
  const dataDir = resolve(values['data-dir'] ?? process.env.COURT_OPS_DATA_DIR ?? join(import.meta.dirname, '..', 'data'));
  mkdirSync(dataDir, { recursive: true });
  const present = readdirSync(dataDir).filter(name => name.endsWith('.sqlite'));
  if (present.length > 0) fail(`${dataDir} already holds ${present.join(', ')}`);
  for (const { name } of manifest.files) {
    copyFileSync(join(dir, name), join(dataDir, name));
    const db = new Database(join(dataDir, name), { fileMustExist: true });
    try {
      const [result] = db.pragma('integrity_check');
      if (result.integrity_check !== 'ok') fail(`${name}: ${JSON.stringify(result)}`);
    } finally {
      db.close();
    }
  }
}

function restorePostgres() {
  const env = postgresEnv();
  const names = manifest.files.map(f => f.name.replace(/\.dump$/, ''));
  const existing = new Set(postgresDatabases(env, ''));
  const clashing = names.filter(name => existing.has(name));
  if (clashing.length > 0) fail(`the server already has ${clashing.join(', ')}`);
  for (const name of names) {
    run('createdb', [name], env);
    run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', name, join(dir, `${name}.dump`)], env);
  }
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (${result.status})`);
}

function fail(message) {
  console.error(`[restore] ${message}`);
  process.exit(1);
}
