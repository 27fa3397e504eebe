// SIGTERM under load: the portal exits within 10 s and loses no request. Court staff file
// tickets from several connections at once while the portal is told to stop; afterwards every
// request was answered in full (201, or 503 "stopping" once the stop began) or refused at
// connect, and the tickets stored are exactly those answered 201.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { exampleCourt } from './catalog.ts';
import { newDataDir, repoRoot, signIn, startPortal } from './portal.ts';

type Outcome =
  | { kind: 'answered'; marker: string; status: number }
  /** The portal had stopped accepting: refused, or reset before it read the request. */
  | { kind: 'not-accepted'; marker: string; code: string }
  /** A response had begun and was cut: what must never happen. */
  | { kind: 'cut'; marker: string; status: number; code: string };

/**
 * Files one ticket on its own connection (no keep-alive: which request a closing keep-alive
 * connection would have carried is the client's business, not the server's).
 */
function fileTicket(baseUrl: string, token: string, marker: string, entityRef: string): Promise<Outcome> {
  const body = JSON.stringify({
    type: 'incident',
    title: `停机检查 ${marker}`,
    urgency: 'low',
    impact: 'small',
    entityRefs: [entityRef],
  });
  const url = new URL('/api/tickets/tickets', baseUrl);
  return new Promise(resolve => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      res => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => resolve({ kind: 'answered', marker, status }));
        res.on('error', error =>
          resolve({ kind: 'cut', marker, status, code: (error as NodeJS.ErrnoException).code ?? String(error) }),
        );
      },
    );
    req.on('error', error => {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      resolve({ kind: 'not-accepted', marker, code });
    });
    req.end(body);
  });
}

async function storedMarkers(baseUrl: string, token: string, run: string): Promise<Set<string>> {
  const markers = new Set<string>();
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ reporter: 'me', q: run, limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${baseUrl}/api/tickets/tickets?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const page = (await res.json()) as { items: { title: string }[]; nextCursor?: string };
    for (const { title } of page.items) {
      const marker = title.split(' ').pop()!;
      if (marker.startsWith(run)) markers.add(marker);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return markers;
}

test('SIGTERM under load: exits within 10 s, no request lost', { timeout: 900_000 }, async () => {
  const dataDir = newDataDir();
  const device = exampleCourt().find(e => e.kind === 'Resource')!;
  const entityRef = `resource:default/${device.metadata.name}`;
  const run = `run${process.pid}x${performance.now().toFixed(0)}-`;

  const first = await startPortal(dataDir);
  const token = await signIn(first.baseUrl, 'xuli');
  // The catalog may still be reading the devices: file tickets once one is accepted.
  for (let attempt = 0; ; attempt++) {
    const outcome = await fileTicket(first.baseUrl, token, 'warm-up', entityRef);
    if (outcome.kind === 'answered' && outcome.status === 201) break;
    assert.ok(attempt < 60, `no ticket accepted: ${JSON.stringify(outcome)}`);
    await new Promise(r => setTimeout(r, 1000));
  }
  const outcomes: Outcome[] = [];
  let stopping = false;
  let sent = 0;
  // Four connections at a time, each filing tickets back to back; bounded so that a portal
  // which never stops cannot keep the test running.
  const worker = async (id: number) => {
    for (let i = 0; i < 500; i++) {
      const outcome = await fileTicket(first.baseUrl, token, `${run}${id}.${i}`, entityRef);
      sent += 1;
      outcomes.push(outcome);
      const created = outcome.kind === 'answered' && outcome.status === 201;
      if (!created && stopping) return;
    }
  };
  const load = Promise.all([0, 1, 2, 3].map(worker));
  while (sent < 20) await new Promise(r => setTimeout(r, 50));

  stopping = true;
  const stopped = await first.stop();
  await load;
  assert.ok(stopped, 'the test started this portal');
  assert.ok(stopped.ms < 10_000, `stopped in ${Math.round(stopped.ms)} ms`);
  assert.equal(stopped.code, 0, 'exit code 0: the stop finished before the hard limit');

  const cut = outcomes.filter(o => o.kind === 'cut');
  assert.deepEqual(cut, [], 'no response was cut mid-way');
  const answered = outcomes.filter(o => o.kind === 'answered');
  const created = new Set(answered.filter(o => o.status === 201).map(o => o.marker));
  const errors = first.output().split('\n').filter(line => line.includes('"level":"error"'));
  assert.deepEqual(
    answered.filter(o => o.status !== 201 && o.status !== 503),
    [],
    `every request the portal accepted was answered 201, or refused with 503 once stopping; the portal logged:\n${errors.join('\n')}`,
  );
  const refused = outcomes.filter(
    o => o.kind === 'not-accepted' || (o.kind === 'answered' && o.status === 503),
  );
  assert.equal(refused.length, 4, 'each connection ends refused, once');
  assert.ok(created.size >= 20, `tickets created under load: ${created.size}`);
  // Nothing the requests set off failed either (a notification, a call between plugins).
  assert.deepEqual(errors, [], 'the portal logged no error');

  const second = await startPortal(dataDir);
  try {
    const xuli = await signIn(second.baseUrl, 'xuli');
    const stored = await storedMarkers(second.baseUrl, xuli, run);
    // Every 201 is stored, and nothing was stored that the client did not hear about.
    assert.deepEqual([...stored].sort(), [...created].sort());

    // The production runtime's error bodies carry no stack trace and no server path.
    for (const [path, init, status] of [
      ['/api/tickets/tickets/INC-0', {}, 404],
      ['/api/tickets/tickets', { method: 'POST', body: '{"type":', headers: { 'content-type': 'application/json' } }, 400],
    ] as const) {
      const res = await fetch(`${second.baseUrl}${path}`, {
        ...init,
        headers: { ...('headers' in init ? init.headers : {}), authorization: `Bearer ${xuli}` },
      });
      const text = await res.text();
      assert.equal(res.status, status, text);
      assert.ok(!text.includes('"stack"') && !text.includes(repoRoot), `${path} answered ${text}`);
    }
  } finally {
    await second.stop();
  }
  console.log(
    `stop under load: ${Math.round(stopped.ms)} ms, ${created.size} tickets created, ` +
      `then ${refused.map(o => (o.kind === 'not-accepted' ? o.code : o.status)).join('/')}`,
  );
});
