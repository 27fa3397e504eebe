import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import { delivery, event, TIERS } from '../__testUtils__/fixtures';
import { PagingStore } from './PagingStore';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const T0 = '2026-12-05T19:00:00.000Z';
const T1 = '2026-12-05T19:01:00.000Z';
const T3 = '2026-12-05T19:03:00.000Z';

describe.each(databases.eachSupportedId())('paging store on %s', databaseId => {
  let store: PagingStore;
  let other: PagingStore;

  beforeEach(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    store = await PagingStore.fromKnex(knex);
    // A second replica: its own store over the same database.
    other = await PagingStore.fromKnex(knex, { skipMigrations: true });
  });

  async function openPage(recipients = ['user:default/zhangwei']) {
    const { page } = await store.createPage(
      {
        id: randomUUID(),
        event: event(),
        tiers: TIERS,
        firstTier: 0,
        nextEscalationAt: T3,
        createdAt: T0,
      },
      recipients.map(r => delivery(r)),
    );
    return page;
  }

  it('pages an event once, whichever replica reports it', async () => {
    const e = event();
    const page = (id: string) => ({
      id,
      event: e,
      tiers: TIERS,
      firstTier: 0,
      createdAt: T0,
    });
    const [a, b] = await Promise.all([
      store.createPage(page(randomUUID()), [delivery('user:default/zhangwei')]),
      other.createPage(page(randomUUID()), [delivery('user:default/zhangwei')]),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.page.id).toBe(b.page.id);
    expect(await store.deliveriesOf(a.page.id)).toHaveLength(1);
  });

  it('hands each due delivery to one replica only', async () => {
    await openPage([
      'user:default/zhangwei',
      'user:default/lina',
      'user:default/sunlei',
    ]);
    const [mine, theirs] = await Promise.all([
      store.claimDue(T0, 'replica-a', T1, 10),
      other.claimDue(T0, 'replica-b', T1, 10),
    ]);
    const all = [...mine, ...theirs].map(d => d.id);
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);
  });

  it('gives a delivery to another replica once the lease of one that stopped runs out', async () => {
    const page = await openPage();
    const [held] = await store.claimDue(T0, 'replica-a', T1, 10);
    // Replica A stops mid-delivery: the delivery is not free before its lease ends.
    expect(await other.claimDue(T0, 'replica-b', T1, 10)).toEqual([]);
    const [taken] = await other.claimDue(T1, 'replica-b', T3, 10);
    expect(taken.id).toBe(held.id);
    // A late answer of replica A cannot finish what it lost; B's can, once.
    const sent = { status: 'sent', at: T1, channel: 'sms' } as const;
    expect(await store.finish(held.id, 'replica-a', sent)).toBe(false);
    expect(await other.finish(held.id, 'replica-b', sent)).toBe(true);
    expect(await other.finish(held.id, 'replica-b', sent)).toBe(false);
    expect((await store.deliveriesOf(page.id)).map(d => d.status)).toEqual([
      'sent',
    ]);
  });

  it('a retry waits until it is due', async () => {
    await openPage();
    const [claimed] = await store.claimDue(T0, 'a', T1, 10);
    await store.finish(claimed.id, 'a', {
      status: 'pending',
      dueAt: T3,
      channelIndex: 0,
      attempt: 1,
      error: 'HTTP 503',
    });
    expect(await store.claimDue(T1, 'a', T3, 10)).toEqual([]);
    expect(await store.nextDue()).toBe(T3);
    const [again] = await store.claimDue(
      T3,
      'a',
      '2026-12-05T19:05:00.000Z',
      10,
    );
    expect(again).toMatchObject({ attempt: 1, lastError: 'HTTP 503' });
  });

  it('escalates a page one tier once and pages nobody twice for the event', async () => {
    const page = await openPage(['user:default/zhangwei']);
    const next = [
      delivery('user:default/zhangwei', { tier: 1 }),
      delivery('user:default/sunlei', { tier: 1 }),
    ];
    const [a, b] = await Promise.all([
      store.escalate(page.id, 0, 1, undefined, next),
      other.escalate(page.id, 0, 1, undefined, [
        delivery('user:default/zhangwei', { tier: 1 }),
        delivery('user:default/sunlei', { tier: 1 }),
      ]),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    const deliveries = await store.deliveriesOf(page.id);
    expect(deliveries.map(d => [d.recipient, d.tier])).toEqual([
      ['user:default/zhangwei', 0],
      ['user:default/sunlei', 1],
    ]);
    expect(await store.dueEscalations(T3, 10)).toEqual([]);
  });

  it('an acknowledgement stops the escalation and cancels what is still waiting', async () => {
    const page = await openPage(['user:default/zhangwei', 'user:default/lina']);
    expect((await store.dueEscalations(T3, 10)).map(p => p.id)).toEqual([
      page.id,
    ]);
    const [zhangwei] = await store
      .deliveriesOf(page.id)
      .then(ds => ds.filter(d => d.recipient === 'user:default/lina'));
    const acked = await store.acknowledge({ ackCode: zhangwei.ackCode }, T1);
    expect(acked?.page).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'user:default/lina',
      acknowledgedAt: T1,
    });
    expect(
      await store.acknowledge({ ackCode: zhangwei.ackCode }, T3),
    ).toBeUndefined();
    expect(await store.dueEscalations(T3, 10)).toEqual([]);
    expect((await store.deliveriesOf(page.id)).map(d => d.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(await store.claimDue(T3, 'a', T3, 10)).toEqual([]);
  });

  it('keeps each person own settings', async () => {
    await store.saveSettings(
      'user:default/zhangwei',
      { channels: ['sms'], quietHours: null },
      T0,
    );
    await other.saveSettings(
      'user:default/zhangwei',
      {
        channels: ['email', 'sms'],
        quietHours: { start: '22:00', end: '07:00' },
      },
      T1,
    );
    expect(
      (
        await store.settingsOf(['user:default/zhangwei', 'user:default/lina'])
      ).get('user:default/zhangwei'),
    ).toEqual({
      channels: ['email', 'sms'],
      quietHours: { start: '22:00', end: '07:00' },
    });
  });
});
