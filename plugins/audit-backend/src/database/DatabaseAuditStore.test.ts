import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { AuditRowContent } from '@internal/plugin-audit-common';
import knexFactory, { Knex } from 'knex';
import { DatabaseAuditStore } from './DatabaseAuditStore';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const LINA = 'user:default/lina';
const WANG = 'user:default/wang-engineer';

/** An event at 2026-03-03 10:00 Beijing time plus `minutes`. */
function event(
  minutes: number,
  overrides: Partial<AuditRowContent> = {},
): AuditRowContent {
  const at = new Date(
    Date.parse('2026-03-03T02:00:00.000Z') + minutes * 60_000,
  );
  return {
    kind: 'event',
    occurredAt: at.toISOString(),
    plugin: 'tickets',
    eventId: 'ticket-create',
    severity: 'medium',
    outcome: 'succeeded',
    actor: LINA,
    target: `INC-2026-${String(minutes).padStart(5, '0')}`,
    method: 'POST',
    url: '/api/tickets/tickets',
    ip: '10.8.1.20',
    meta: '{"type":"incident"}',
    error: null,
    ...overrides,
  };
}

const range = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => from + i);

describe.each(databases.eachSupportedId())('audit store on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseAuditStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    store = await DatabaseAuditStore.fromKnex(knex);
  });

  it('chains rows across batches, gapless from 1, and verifies them', async () => {
    await store.append(range(3).map(i => event(i)));
    await store.append(range(4, 3).map(i => event(i)));
    const verdict = await store.verify();
    const head = await store.head();
    expect(head.seq).toBe(7);
    expect(verdict).toEqual({ ok: true, rows: 7, head });
    const seqs = (await knex('audit_events').orderBy('seq').pluck('seq')).map(
      Number,
    );
    expect(seqs).toEqual(range(7, 1));
  });

  it('keeps one chain when writers append at the same time', async () => {
    await Promise.all(
      range(10).map(b => store.append(range(20, b * 20).map(i => event(i)))),
    );
    expect(await store.verify()).toMatchObject({ ok: true, rows: 200 });
  });

  it('names the first bad row when a row is altered, deleted, or the newest rows removed', async () => {
    await store.append(range(10).map(i => event(i)));
    await knex('audit_events').where({ seq: 4 }).update({ actor: WANG });
    expect(await store.verify()).toMatchObject({ ok: false, firstBadSeq: 4 });
    await knex('audit_events').where({ seq: 4 }).update({ actor: LINA });
    expect(await store.verify()).toMatchObject({ ok: true });

    await knex('audit_events').where({ seq: 6 }).delete();
    expect(await store.verify()).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  it('finds rows removed from the end through the recorded head', async () => {
    await store.append(range(5).map(i => event(i)));
    await knex('audit_events').where('seq', '>=', 4).delete();
    expect(await store.verify()).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('finds two rows whose contents were swapped', async () => {
    await store.append(range(5).map(i => event(i)));
    const [two, three] = await knex('audit_events')
      .whereIn('seq', [2, 3])
      .orderBy('seq');
    await knex('audit_events')
      .where({ seq: 2 })
      .update({ ...three, seq: 2 });
    await knex('audit_events')
      .where({ seq: 3 })
      .update({ ...two, seq: 3 });
    expect(await store.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('prunes rows past retention behind a checkpoint, and the chain still verifies', async () => {
    // Ten old events (a year before), five recent.
    await store.append(range(10).map(i => event(i - 525_600)));
    await store.append(range(5).map(i => event(i)));
    const pruned = await store.prune(
      '2026-01-01T00:00:00.000Z',
      '2026-03-03T18:30:00.000Z',
    );
    expect(pruned).toBe(10);
    const left = await knex('audit_events').orderBy('seq');
    expect(left.map(r => Number(r.seq))).toEqual(range(6, 11));
    expect(left[left.length - 1]).toMatchObject({
      kind: 'checkpoint',
      plugin: 'audit',
    });
    expect(await store.verify()).toMatchObject({ ok: true, rows: 6 });
    // Nothing more to prune: no second checkpoint.
    expect(
      await store.prune('2026-01-01T00:00:00.000Z', '2026-03-04T18:30:00.000Z'),
    ).toBe(0);
    // A kept row deleted past the checkpoint is named.
    await knex('audit_events').where({ seq: 11 }).delete();
    expect(await store.verify()).toMatchObject({ ok: false, firstBadSeq: 11 });
  });

  it('lists newest first with every filter, and pages without loss', async () => {
    await store.append([
      ...range(30).map(i => event(i)),
      event(31, {
        actor: WANG,
        plugin: 'archive',
        eventId: 'archive-download',
        target: 'doc-1',
      }),
      event(32, { outcome: 'failed', error: 'NotAllowedError: no' }),
    ]);
    const byActor = await store.list({ actor: WANG }, { limit: 10 });
    expect(byActor.items.map(e => e.eventId)).toEqual(['archive-download']);
    expect(
      (await store.list({ plugin: 'archive', target: 'doc-1' }, { limit: 10 }))
        .items,
    ).toHaveLength(1);
    expect(
      (await store.list({ outcome: 'failed' }, { limit: 10 })).items[0],
    ).toMatchObject({ seq: 32, error: 'NotAllowedError: no' });
    expect(
      (await store.list({ action: 'ticket-create' }, { limit: 100 })).items,
    ).toHaveLength(31);
    const window = await store.list(
      { from: event(10).occurredAt, to: event(20).occurredAt },
      { limit: 100 },
    );
    expect(window.items.map(e => e.seq)).toEqual(range(10, 11).reverse());

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({}, { limit: 7, cursor });
      seen.push(...page.items.map(e => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(range(32, 1).reverse());
    expect((await store.list({}, { limit: 1 })).items[0].meta).toEqual({
      type: 'incident',
    });
  });

  it('claims each court day once', async () => {
    expect(await store.claimDay('2026-03-03', '2026-03-02T18:30:00.000Z')).toBe(
      true,
    );
    expect(await store.claimDay('2026-03-03', '2026-03-02T18:30:01.000Z')).toBe(
      false,
    );
  });

  it('keeps the latest verification', async () => {
    expect(await store.lastVerification()).toBeUndefined();
    await store.saveVerification(
      {
        checkedAt: '2026-03-02T18:30:00.000Z',
        verdict: { ok: false, rows: 3, firstBadSeq: 2, reason: 'changed' },
      },
      'plugin:audit',
    );
    expect(await store.lastVerification()).toEqual({
      checkedAt: '2026-03-02T18:30:00.000Z',
      verdict: { ok: false, rows: 3, firstBadSeq: 2, reason: 'changed' },
    });
  });
});

describe('two replicas on one PostgreSQL database', () => {
  const pg = databases.eachSupportedId().filter(([id]) => id === 'POSTGRES_15');

  it.each(pg)('append into one chain on %s', async databaseId => {
    const knexA = await databases.init(databaseId as TestDatabaseId);
    const knexB = knexFactory({
      client: 'pg',
      connection: knexA.client.config.connection,
    });
    try {
      const a = await DatabaseAuditStore.fromKnex(knexA);
      const b = await DatabaseAuditStore.fromKnex(knexB);
      await Promise.all(
        range(20).map(i =>
          (i % 2 ? a : b).append(range(10, i * 10).map(m => event(m))),
        ),
      );
      expect(await a.verify()).toMatchObject({ ok: true, rows: 200 });
    } finally {
      await knexB.destroy();
    }
  });
});
