// Crash safety (issue #18): kill -9 of the backend while court staff file tickets, then a restart
// on the same data folder. Every create that answered 201 was committed (SQLite in WAL mode with
// synchronous=FULL: docs/operations.md), keeps its number, history and clocks, and the numbering
// goes on after the restart without using a number twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn, newDataDir, startPortal } from './portal.ts';
import { clockFacts, ticketFiler, type StoredTicket, type TicketDetail } from './tickets.ts';

const CLIENTS = 6;
/** Tickets acknowledged before the kill; the clients keep filing meanwhile, so the kill lands under load. */
const KILL_AFTER = 60;

test('kill -9 under create load loses no acknowledged ticket', { timeout: 900_000 }, async () => {
  const dataDir = newDataDir();
  const first = await startPortal(dataDir);
  const acknowledged: StoredTicket[] = [];
  /** A ticket's page read back before the kill, by ticket id. */
  const seen = new Map<string, TicketDetail>();
  let cutOff = 0; // requests the kill left without an answer
  let killed = false;
  try {
    const filer = ticketFiler(first.baseUrl, await signIn(first.baseUrl, 'xuli'));
    await filer.warmUp('崩溃预热');

    const client = async (id: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await filer.file(`崩溃检查 ${id}.${i}`);
          assert.equal(res.status, 201, await res.clone().text());
          const ticket = (await res.json()) as StoredTicket;
          acknowledged.push(ticket);
          const detail = await filer.detail(ticket.id);
          assert.equal(detail.status, 200);
          seen.set(ticket.id, (await detail.json()) as TicketDetail);
        } catch (error) {
          // Only the kill may end a request without an answer (fetch fails with a TypeError).
          if (!killed || !(error instanceof TypeError)) throw error;
          cutOff++;
          return;
        }
      }
    };
    let failure: unknown;
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));
    load.catch(error => (failure ??= error));
    while (acknowledged.length < KILL_AFTER) {
      if (failure) throw failure;
      await new Promise(r => setTimeout(r, 10));
    }
    killed = true;
    await first.kill();
    await load;
  } finally {
    await first.stop(); // nothing left to stop after the kill; ends the portal if the test failed before it
  }
  assert.ok(cutOff > 0, 'the kill landed while requests were in flight');
  const before = new Set(acknowledged.map(t => t.number));
  assert.equal(before.size, acknowledged.length, 'no number answered twice before the kill');

  const second = await startPortal(dataDir);
  try {
    const filer = ticketFiler(second.baseUrl, await signIn(second.baseUrl, 'xuli'));
    for (const ticket of acknowledged) {
      const res = await filer.detail(ticket.id);
      assert.equal(res.status, 200, `${ticket.number}, acknowledged before the kill, is there after it`);
      const after = (await res.json()) as TicketDetail;
      assert.equal(after.ticket.number, ticket.number);
      assert.equal(after.ticket.title, ticket.title);
      assert.deepEqual(clockFacts(after.ticket), clockFacts(ticket), `${ticket.number}'s clocks`);
      const earlier = seen.get(ticket.id);
      if (earlier) assert.deepEqual(after.events, earlier.events, `${ticket.number}'s history`);
      else assert.equal(after.events[0]?.type, 'created', `${ticket.number}'s history begins with its filing`);
    }

    // Numbers filed after the restart go on from the stored ones.
    const filedAfter: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await filer.file(`重启之后 ${i}`);
      assert.equal(res.status, 201, await res.clone().text());
      filedAfter.push(((await res.json()) as StoredTicket).number);
    }
    const numbers = (await filer.all()).map(t => t.number);
    assert.equal(new Set(numbers).size, numbers.length, 'no number is used twice');
    for (const number of before) assert.ok(numbers.includes(number), `${number} is listed after the restart`);
    for (const number of filedAfter) assert.ok(numbers.includes(number));
    console.log(
      `kill -9 under load: ${acknowledged.length} acknowledged tickets all there after the restart ` +
        `(${seen.size} with their history read before the kill, ${cutOff} requests cut off, ` +
        `${numbers.length} tickets listed after)`,
    );
  } finally {
    await second.stop();
  }
});
