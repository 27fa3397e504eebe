// Backup and restore (README): a backup taken while court staff file tickets, restored into an
// empty data folder (the embedded default) or server (PostgreSQL), holds every ticket or row
// acknowledged before the backup began, unchanged.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { newDataDir, repoRoot, signIn, startPortal } from './portal.ts';
import { clockFacts, ticketFiler, type StoredTicket, type TicketDetail } from './tickets.ts';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process, so the load goes on meanwhile. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.once('error', reject);
    child.once('close', code => resolve({ code, stdout, stderr }));
  });
}

/** scripts/backup.sh or scripts/restore.sh, as the README gives them; fails the test if they fail. */
async function script(name: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await run('bash', [join(repoRoot, `scripts/${name}.sh`), ...args], env);
  assert.equal(result.code, 0, `${name} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

const PSQL = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-tAc'];
async function psql(database: string, sql: string): Promise<string> {
  const result = await run('psql', ['-d', database, ...PSQL, sql]);
  assert.equal(result.code, 0, `psql ${sql}: ${result.stderr}`);
  return result.stdout.trim();
}

test('a backup under load restores every ticket acknowledged before it', { timeout: 900_000 }, async () => {
  const dataDir = newDataDir();
  const backupDir = join(mkdtempSync(join(tmpdir(), 'court-ops-backup-')), 'backup');

  const first = await startPortal(dataDir);
  const acknowledged: StoredTicket[] = [];
  const before: StoredTicket[] = [];
  let history: TicketDetail[] = [];
  try {
    const token = await signIn(first.baseUrl, 'xuli');
    const filer = ticketFiler(first.baseUrl, token);
    await filer.warmUp('备份预热');

    let backingUp = false;
    let done = false;
    const worker = async (id: number) => {
      for (let i = 0; i < 400 && !done; i++) {
        const res = await filer.file(`备份检查 ${id}.${i}`);
        assert.equal(res.status, 201, await res.clone().text());
        const ticket = (await res.json()) as StoredTicket;
        acknowledged.push(ticket);
        if (!backingUp) before.push(ticket);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));
    while (acknowledged.length < 20) await new Promise(r => setTimeout(r, 50));
    backingUp = true;
    // The backup runs in its own process while the four clients go on filing.
    const backup = await script('backup', [backupDir], { COURT_OPS_DATA_DIR: dataDir });
    done = true;
    await load;
    assert.match(backup.stdout, /sqlite files/);

    // Read back from the running portal, after the load, for the comparison.
    history = await Promise.all(
      before.map(async t => {
        const res = await filer.detail(t.id);
        assert.equal(res.status, 200);
        return (await res.json()) as TicketDetail;
      }),
    );
  } finally {
    await first.stop();
  }

  const restoredDir = newDataDir();
  await script('restore', [backupDir], { COURT_OPS_DATA_DIR: restoredDir });
  // Restoring over data is refused.
  const again = await run('bash', [join(repoRoot, 'scripts/restore.sh'), backupDir], {
    COURT_OPS_DATA_DIR: restoredDir,
  });
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /already holds/);

  const second = await startPortal(restoredDir);
  try {
    const token = await signIn(second.baseUrl, 'xuli');
    for (const { ticket, events } of history) {
      const res = await ticketFiler(second.baseUrl, token).detail(ticket.id);
      assert.equal(res.status, 200, `${ticket.number} is in the restored portal`);
      const restored = (await res.json()) as TicketDetail;
      assert.equal(restored.ticket.number, ticket.number);
      assert.equal(restored.ticket.title, ticket.title);
      assert.deepEqual(restored.events, events, `${ticket.number}'s history`);
      assert.deepEqual(clockFacts(restored.ticket), clockFacts(ticket), `${ticket.number}'s clocks`);
    }
  } finally {
    await second.stop();
  }
  console.log(
    `backup under load: ${history.length} tickets acknowledged before the backup all restored ` +
      `(${acknowledged.length} filed in all)`,
  );
  rmSync(backupDir, { recursive: true, force: true });
});

test('a PostgreSQL backup under writes restores every committed row', { timeout: 120_000 }, async () => {
  const prefix = `backup_check_${process.pid}_`;
  const names = ['a', 'b'].map(n => `${prefix}${n}`);
  const backupDir = join(mkdtempSync(join(tmpdir(), 'court-ops-pg-backup-')), 'backup');
  try {
    for (const name of names) {
      await psql('postgres', `CREATE DATABASE ${name}`);
      await psql(name, 'CREATE TABLE filed (n integer PRIMARY KEY)');
    }
    const committed: number[][] = names.map(() => []);
    let writing = true;
    const writes = names.map(async (name, k) => {
      for (let n = 0; writing; n++) {
        await psql(name, `INSERT INTO filed VALUES (${n})`);
        committed[k].push(n);
      }
    });
    while (committed[1].length < 10) await new Promise(r => setTimeout(r, 10));
    const before = committed.map(rows => rows.length);
    await script('backup', ['--postgres', '--prefix', prefix, backupDir]);
    const during = committed.map((rows, k) => rows.length - before[k]);
    writing = false;
    await Promise.all(writes);
    for (const name of names) await psql('postgres', `DROP DATABASE ${name}`);

    await script('restore', ['--postgres', backupDir]);
    for (const [k, name] of names.entries()) {
      const values = (await psql(name, 'SELECT n FROM filed ORDER BY n')).split('\n').map(Number);
      // A consistent snapshot: every row committed before the backup began, and no gap.
      assert.ok(values.length >= before[k], `${name}: ${values.length} rows restored, ${before[k]} committed before`);
      assert.deepEqual(values, values.map((_, i) => i));
    }
    console.log(`PostgreSQL backup: rows committed before it ${before.join('/')}, while it ran ${during.join('/')}`);
  } finally {
    for (const name of names) await run('psql', ['-d', 'postgres', ...PSQL, `DROP DATABASE IF EXISTS ${name}`]);
    rmSync(backupDir, { recursive: true, force: true });
  }
});
