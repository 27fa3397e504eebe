// Two replicas on PostgreSQL behind Debian's HAProxy (issue #18, docs/operations.md): creates
// spread over both draw distinct, gapless numbers; a global scheduled task runs once per slot
// across both; stopping one replica under load loses no acknowledged ticket.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, newDataDir, signIn, startPortal, type RunningPortal } from './portal.ts';
import { ticketFiler, type StoredTicket } from './tickets.ts';

const HAPROXY = '/usr/sbin/haproxy';
const skip =
  !existsSync(HAPROXY) && !process.env.CI ? 'haproxy is not installed (apt-get install haproxy; CI installs it)' : false;

const PSQL = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-tAc'];
const psql = (sql: string) => {
  const result = spawnSync('psql', [...PSQL, sql], { encoding: 'utf8' });
  assert.equal(result.status, 0, `psql ${sql}: ${result.stderr}`);
  return result.stdout.trim();
};

/** The trailing sequence of a ticket number (INC-2026-00042 → 42). */
const sequenceOf = (number: string) => Number(/(\d+)$/.exec(number)![1]);

test('two replicas behind HAProxy: numbers, scheduled work, a replica stopped under load', {
  timeout: 900_000,
  skip,
}, async () => {
  // A fresh database set for this test: Backstage names each plugin's database prefix + plugin id.
  const prefix = `court_replicas_${process.pid}_`;
  const dir = mkdtempSync(join(tmpdir(), 'court-ops-replicas-'));
  const config = join(dir, 'app-config.replicas.yaml');
  writeFileSync(
    config,
    [
      'backend:',
      '  database:',
      '    client: pg',
      `    prefix: ${prefix}`,
      '    connection: postgresql://postgres@127.0.0.1:5432',
      // Bounded as app-config.production.yaml bounds them: knex's default of 10 a plugin let two
      // replicas of 21 plugins open more connections than PostgreSQL's default 100, and a create
      // then failed with "sorry, too many clients already" (a 500).
      '    knexConfig:',
      '      pool:',
      '        max: 3',
      '    plugin:',
      '      tickets:',
      '        knexConfig:',
      '          pool:',
      '            max: 6',
      '',
    ].join('\n'),
  );
  const replicas: RunningPortal[] = [];
  let balancer: ReturnType<typeof spawn> | undefined;
  try {
    // One after the other, as docs/operations.md says: the first creates the databases and migrates.
    replicas.push(await startPortal(newDataDir(), { configs: [config] }));
    replicas.push(await startPortal(newDataDir(), { configs: [config] }));
    const secondUp = Date.now();
    const [a, b] = replicas;

    const port = await freePort();
    const haproxyConfig = join(dir, 'haproxy.cfg');
    writeFileSync(
      haproxyConfig,
      [
        // A line per request on stderr, with how it ended (termination state), for a failure's message.
        'global',
        '  log stderr format raw local0',
        'defaults',
        '  log global',
        '  option httplog',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 120s',
        '  timeout server 120s',
        // A replica busy with the load answers its health check slowly: not down for that.
        '  timeout check 10s',
        // A replica that refuses a connection (stopping) is not an error for the client.
        '  retries 3',
        '  option redispatch',
        'frontend court',
        `  bind 127.0.0.1:${port}`,
        '  default_backend replicas',
        'backend replicas',
        '  balance roundrobin',
        '  option httpchk GET /.backstage/health/v1/readiness',
        '  http-response set-header x-court-replica %s',
        ...[a, b].map((r, i) => `  server ${'ab'[i]} 127.0.0.1:${new URL(r.baseUrl).port} check inter 1s fall 3 rise 1`),
        '',
      ].join('\n'),
    );
    const haproxyOutput: string[] = [];
    balancer = spawn(HAPROXY, ['-f', haproxyConfig, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    balancer.stdout!.on('data', c => haproxyOutput.push(String(c)));
    balancer.stderr!.on('data', c => haproxyOutput.push(String(c)));
    const lb = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${lb}/.backstage/health/v1/readiness`).catch(() => undefined);
      if (res?.ok) break;
      assert.ok(attempt < 100, `HAProxy did not answer:\n${haproxyOutput.join('')}`);
      await new Promise(r => setTimeout(r, 100));
    }

    /** A refused answer, with the replica's log line for its logId (an internal error says no more). */
    const why = async (res: Response) => {
      const text = await res.clone().text();
      const logId = /logId=(\w+)/.exec(text)?.[1];
      const logged = logId ? (a.output() + b.output()).split('\n').filter(line => line.includes(logId)) : [];
      return [text, ...logged].join('\n');
    };
    const filer = ticketFiler(lb, await signIn(lb, 'xuli'));
    /**
     * A create through the balancer, as a careful client files: with a sourceRef, so that a
     * filing that got no answer at all can be sent again. HAProxy closes an idle keep-alive
     * connection without a log line, and a client that reuses it in that instant gets "other side
     * closed" (haproxy/haproxy#1735: the client must retry); Node's fetch retries only idempotent
     * requests. The next try answers 201, or 200 with the ticket an unanswered one filed.
     */
    let retried = 0;
    /** Acknowledged: filed now (201), or by the try before that got no answer (200). */
    const filed = (res: Response) => res.status === 201 || res.status === 200;
    const file = async (title: string): Promise<Response> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await filer.file(title, `replicas:${prefix}:${title}`);
        } catch (error) {
          const cause = (error as { cause?: unknown }).cause ?? error;
          if (attempt >= 3) {
            throw new Error(`${title}: no answer through HAProxy (${cause})\n${haproxyOutput.join('').slice(-3000)}`);
          }
          retried++;
        }
      }
    };
    await filer.warmUp('双副本预热');

    // 200 creates from 20 clients at once, spread over both replicas.
    const served = { a: 0, b: 0 } as Record<string, number>;
    const first: StoredTicket[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        for (let i = 0; i < 10; i++) {
          const res = await file(`双副本 ${client}.${i}`);
          assert.ok(filed(res), await why(res));
          served[res.headers.get('x-court-replica')!]++;
          first.push((await res.json()) as StoredTicket);
        }
      }),
    );
    assert.ok(served.a > 0 && served.b > 0, `both replicas filed tickets (${JSON.stringify(served)})`);
    const sequences = first.map(t => sequenceOf(t.number)).sort((x, y) => x - y);
    assert.equal(new Set(sequences).size, 200, '200 distinct numbers');
    assert.equal(sequences[199] - sequences[0], 199, `gapless: ${sequences[0]}..${sequences[199]}`);

    // The missing-year check (calendar-missing-year-warning, global, first run 30 s after start)
    // logs on every run. Once both replicas have passed their first slot, it has run once in all,
    // and the ops managers got one notice.
    while (Date.now() - secondUp < 45_000) await new Promise(r => setTimeout(r, 1000));
    const runs = (a.output() + b.output()).match(/the official schedule for \d{4} is not loaded/g) ?? [];
    assert.equal(runs.length, 1, 'the global task ran once across both replicas');
    const manager = await signIn(lb, 'sunlei');
    const notices = await fetch(`${lb}/api/notifications/notifications?limit=200`, {
      headers: { authorization: `Bearer ${manager}` },
    });
    assert.equal(notices.status, 200);
    const { notifications } = (await notices.json()) as { notifications: { payload: { topic?: string } }[] };
    assert.equal(notifications.filter(n => n.payload.topic === 'official-calendar').length, 1);

    // Stop replica b (SIGTERM, as a service manager does) while 8 clients go on filing.
    const second: StoredTicket[] = [];
    const refused: number[] = [];
    let stopped = false;
    let failure: unknown;
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, client) => {
        // On until b is gone and as many again have been acknowledged by a alone.
        for (let i = 0; !(stopped && second.length >= 80); i++) {
          const res = await file(`停一副本 ${client}.${i}`);
          if (filed(res)) second.push((await res.json()) as StoredTicket);
          else {
            // Not acknowledged, so nothing is promised: the balancer (502) or the draining replica (503).
            assert.ok([502, 503].includes(res.status), `${res.status} ${await why(res)}`);
            refused.push(res.status);
          }
        }
      }),
    );
    load.catch(error => (failure ??= error));
    while (second.length < 40) {
      if (failure) throw failure;
      await new Promise(r => setTimeout(r, 10));
    }
    await b.stop();
    stopped = true;
    await load;

    for (const ticket of second) {
      const res = await filer.detail(ticket.id);
      assert.equal(res.status, 200, `${ticket.number}, acknowledged, is there after b stopped`);
      assert.equal(((await res.json()) as { ticket: StoredTicket }).ticket.number, ticket.number);
    }
    const numbers = [...first, ...second].map(t => t.number);
    assert.equal(new Set(numbers).size, numbers.length, 'no number used twice');
    console.log(
      `two replicas: 200 creates (${served.a} by a, ${served.b} by b) numbered ${sequences[0]}..${sequences[199]}; ` +
        `${second.length} acknowledged around b's stop all there (answered 502/503 while b stopped: ${refused.filter(s => s === 502).length}/${refused.filter(s => s === 503).length}; ` +
        `sent again after no answer: ${retried})`,
    );
  } finally {
    balancer?.kill('SIGTERM');
    for (const replica of replicas) await replica.stop();
    for (const name of psql(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`).split('\n')) {
      if (name) psql(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
