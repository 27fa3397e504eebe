import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { ManualCourtClock } from '../clock';
import { ClaimedMessage, LeasedOutbox, OutboxDatabase } from './LeasedOutbox';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const TABLE = 'test_outbox';
const START = '2026-12-06T10:00:00+08:00';

/** The table as a plugin's migration makes it (LeasedOutboxOptions.table). */
async function outboxTable(db: OutboxDatabase) {
  await db.schema.dropTableIfExists(TABLE);
  await db.schema.createTable(TABLE, table => {
    table.string('id', 200).primary();
    table.text('payload').notNullable();
    table.string('due_at', 40).notNullable().index();
    table.integer('attempts').notNullable().defaultTo(0);
  });
}

/**
 * What a notification with a scope does at its receiver: a second delivery of the same id
 * replaces the first, so the effect is one entry per id; `sends` counts every delivery.
 */
function receiver() {
  const effect = new Map<string, unknown>();
  const sends: string[] = [];
  return {
    effect,
    sends,
    deliver: async (message: ClaimedMessage<{ n: number }>) => {
      sends.push(message.id);
      effect.set(message.id, message.payload);
    },
  };
}

/** A replica's worker on the shared table. */
function worker(
  db: OutboxDatabase,
  clock: ManualCourtClock,
  deliver: (message: ClaimedMessage<{ n: number }>) => Promise<void>,
) {
  return new LeasedOutbox<{ n: number }>({
    db,
    table: TABLE,
    clock,
    logger: mockServices.logger.mock(),
    deliver,
    leaseSeconds: 60,
  });
}

const messages = (ids: number[]) =>
  ids.map(n => ({ id: `ticket:${n}:created`, payload: { n } }));

const queued = async (db: OutboxDatabase) =>
  Number((await db(TABLE).count({ n: '*' }))[0].n);

/** Messages no worker holds at the clock's instant (the outbox's UTC ISO form). */
const dueNow = async (db: OutboxDatabase, clock: ManualCourtClock) =>
  Number(
    (
      await db(TABLE)
        .where('due_at', '<=', clock.now().toUTC().toISO()!)
        .count({ n: '*' })
    )[0].n,
  );

/** A promise that never settles: the process died here. */
const dies = () => new Promise<never>(() => {});

async function until(condition: () => boolean) {
  for (let i = 0; !condition(); i++) {
    if (i > 500) throw new Error('the worker did not get there');
    await new Promise(r => setTimeout(r, 10));
  }
}

describe.each(databases.eachSupportedId())('LeasedOutbox on %s', id => {
  let db: OutboxDatabase;
  let clock: ManualCourtClock;
  beforeAll(async () => {
    db = await databases.init(id);
  });
  beforeEach(async () => {
    await outboxTable(db);
    clock = new ManualCourtClock(START);
  });

  it('delivers what a committed transaction enqueued, once, and nothing of a rolled-back one', async () => {
    const sink = receiver();
    const outbox = worker(db, clock, sink.deliver);
    await db.transaction(trx => outbox.enqueue(trx, messages([1, 2])));
    await db
      .transaction(async trx => {
        await outbox.enqueue(trx, messages([3]));
        throw new Error('the ticket was not stored');
      })
      .catch(() => {});
    await outbox.drain();
    expect(sink.sends.sort()).toEqual(['ticket:1:created', 'ticket:2:created']);
    expect(await queued(db)).toBe(0);
  });

  it('has the effect of once when a worker dies between sending and marking: another sends again after the lease', async () => {
    const sink = receiver();
    const crashed = worker(db, clock, async message => {
      await sink.deliver(message);
      return dies();
    });
    const other = worker(db, clock, sink.deliver);
    await db.transaction(trx => crashed.enqueue(trx, messages([7])));

    void crashed.drain();
    await until(() => sink.sends.length === 1);
    // Within the lease the other replica leaves it alone.
    await other.drain();
    expect(sink.sends).toEqual(['ticket:7:created']);

    await clock.advance({ seconds: 61 });
    await other.drain();
    expect(sink.sends).toEqual(['ticket:7:created', 'ticket:7:created']);
    expect([...sink.effect]).toEqual([['ticket:7:created', { n: 7 }]]);
    expect(await queued(db)).toBe(0);
  });

  it('claims a burst in one statement and deletes what was sent in a few, not one write per message', async () => {
    const sink = receiver();
    const outbox = worker(db, clock, sink.deliver);
    const ids = Array.from({ length: 40 }, (_, n) => n);
    await db.transaction(trx => outbox.enqueue(trx, messages(ids)));
    const writes: string[] = [];
    const onQuery = (query: { sql: string }) => {
      const verb = query.sql.trimStart().split(/\s/)[0].toLowerCase();
      if (verb === 'update' || verb === 'delete') writes.push(verb);
    };
    db.on('query', onQuery);
    try {
      await outbox.drain();
    } finally {
      db.removeListener('query', onQuery);
    }
    expect(sink.sends).toHaveLength(40);
    expect(await queued(db)).toBe(0);
    // One claim takes all 40; the next finds none and ends the round.
    expect(writes.filter(w => w === 'update')).toHaveLength(2);
    expect(writes.filter(w => w === 'delete').length).toBeLessThanOrEqual(3);
  });

  it('retries a failed delivery after its backoff, not before', async () => {
    const sink = receiver();
    let failures = 1;
    const outbox = worker(db, clock, async message => {
      if (failures-- > 0) throw new Error('notifications backend unavailable');
      await sink.deliver(message);
    });
    await db.transaction(trx => outbox.enqueue(trx, messages([1])));
    await outbox.drain();
    await clock.advance({ seconds: 59 });
    await outbox.drain();
    expect(sink.sends).toEqual([]);
    await clock.advance({ seconds: 1 });
    await outbox.drain();
    expect(sink.sends).toEqual(['ticket:1:created']);
  });

  it('gives each message to one of two concurrent workers: every one sent exactly once', async () => {
    const sink = receiver();
    const ids = Array.from({ length: 120 }, (_, n) => n);
    const a = worker(db, clock, sink.deliver);
    const b = worker(db, clock, sink.deliver);
    await db.transaction(trx => a.enqueue(trx, messages(ids)));
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(sink.sends.sort()).toEqual(
      messages(ids)
        .map(m => m.id)
        .sort(),
    );
  });

  it('whatever dies where, every message has its effect exactly once and leaves the outbox', async () => {
    // For each message: delivered normally, its worker dies before sending, or after sending.
    const fate = fc.constantFrom('ok', 'dies-before-send', 'dies-after-send');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fate, { minLength: 1, maxLength: 12 }),
        async fates => {
          await outboxTable(db);
          clock = new ManualCourtClock(START);
          const sink = receiver();
          const ids = fates.map((_, n) => n);
          const first = worker(db, clock, async message => {
            const what = fates[message.payload.n];
            if (what === 'dies-before-send') return dies();
            await sink.deliver(message);
            return what === 'dies-after-send' ? dies() : undefined;
          });
          await db.transaction(trx => first.enqueue(trx, messages(ids)));
          void first.drain();
          const sentFirst = fates.filter(f => f !== 'dies-before-send').length;
          await until(() => sink.sends.length === sentFirst);
          // What the first worker delivered whole it also marked, before it went; the rest it
          // holds. Until it has claimed them all the clock must not move: a message it had not
          // yet claimed would be claimed with the lease of the later instant.
          const dying = fates.filter(f => f !== 'ok').length;
          for (
            let i = 0;
            (await queued(db)) !== dying || (await dueNow(db, clock)) !== 0;
            i++
          ) {
            if (i > 500)
              throw new Error(
                'the first worker did not claim and mark its messages',
              );
            await new Promise(r => setTimeout(r, 10));
          }

          await clock.advance({ seconds: 61 });
          await worker(db, clock, sink.deliver).drain();

          expect([...sink.effect.keys()].sort()).toEqual(
            messages(ids)
              .map(m => m.id)
              .sort(),
          );
          expect(sink.sends.length).toBe(
            fates.length + fates.filter(f => f === 'dies-after-send').length,
          );
          expect(await queued(db)).toBe(0);
        },
      ),
      { numRuns: 15 },
    );
  });
});
