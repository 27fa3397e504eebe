import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import {
  PageText,
  PagingChannel,
  pagingConfigSchema,
} from '@internal/plugin-paging-common';
import { ConfiguredOnCall } from '@internal/plugin-paging-node';
import { Knex } from 'knex';
import { event, NIGHT } from '../__testUtils__/fixtures';
import { ChannelSender } from '../channels/senders';
import { PagingStore } from '../database/PagingStore';
import { Reachable } from './Directory';
import { Pager } from './Pager';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const PEOPLE: Record<string, Reachable[]> = {
  'user:default/zhangwei': [
    {
      userRef: 'user:default/zhangwei',
      addresses: { wecomApp: 'ZhangWei', sms: '13800000001' },
    },
  ],
  'user:default/wangqiang': [
    { userRef: 'user:default/wangqiang', addresses: { sms: '13800000002' } },
  ],
  'group:default/ops-managers': [
    { userRef: 'user:default/sunlei', addresses: { sms: '13800000003' } },
  ],
  'group:default/court-it-office': [
    {
      userRef: 'user:default/huangjun',
      addresses: { email: 'huangjun@yunxi-court.example' },
    },
  ],
};

const config = pagingConfigSchema.parse({
  enabled: true,
  ackBaseUrl: 'https://ops.court.example/api/paging',
  channels: {
    wecomApp: { corpId: 'ww', agentId: 1, secret: 's' },
    sms: { url: 'http://10.0.0.5/send', body: '{{mobile}} {{message}}' },
    email: { host: 'smtp.court.example', from: 'ops@court.example' },
  },
  retry: { attempts: 2, backoffSeconds: 30 },
  leaseSeconds: 60,
});

interface Sent {
  at: string;
  channel: PagingChannel;
  address: string;
  page: PageText;
}

/** Senders that record what they send; a channel in `failing` fails. */
function recordingSenders(
  clock: () => ManualCourtClock,
  sent: Sent[],
  failing: Set<PagingChannel>,
) {
  const sender = (channel: PagingChannel): ChannelSender => ({
    async send(address, page) {
      if (failing.has(channel)) throw new Error(`${channel} is down`);
      sent.push({
        at: clock().now().setZone('Asia/Shanghai').toISO()!,
        channel,
        address,
        page,
      });
    },
  });
  return {
    wecomApp: sender('wecomApp'),
    sms: sender('sms'),
    email: sender('email'),
  };
}

function setUp(
  knex: Knex,
  store: PagingStore,
  options: {
    clock?: ManualCourtClock;
    sent?: Sent[];
    failing?: Set<PagingChannel>;
  } = {},
) {
  const clock = options.clock ?? new ManualCourtClock(NIGHT);
  const sent = options.sent ?? [];
  const failing = options.failing ?? new Set<PagingChannel>();
  const history: string[] = [];
  const pager = new Pager({
    store,
    config,
    clock,
    onCall: new ConfiguredOnCall({
      onCall: ['user:default/zhangwei', 'user:default/wangqiang'],
      opsManager: ['group:default/ops-managers'],
      courtItOffice: ['group:default/court-it-office'],
    }),
    directory: { people: async refs => refs.flatMap(ref => PEOPLE[ref] ?? []) },
    senders: recordingSenders(() => clock, sent, failing),
    history: { record: async (_ticket, text) => void history.push(text) },
    logger: mockServices.logger.mock(),
    maxSleepMs: 60_000,
  });
  return { clock, sent, failing, history, pager, knex };
}

const who = (sent: Sent[]) =>
  sent.map(s => `${s.at.slice(11, 16)} ${s.channel}:${s.address}`);

describe.each(databases.eachSupportedId())('the pager on %s', databaseId => {
  let knex: Knex;
  let store: PagingStore;
  const pagers: Pager[] = [];

  beforeEach(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    store = await PagingStore.fromKnex(knex);
  });
  afterEach(async () => {
    await Promise.all(pagers.splice(0).map(p => p.stop()));
  });

  async function started(
    options: Parameters<typeof setUp>[2] = {},
    own = store,
  ) {
    const s = setUp(knex, own, options);
    pagers.push(s.pager);
    await s.pager.start();
    return s;
  }

  it('nobody acknowledges: the second on-call, the ops manager and the IT office get it at their minutes', async () => {
    const { clock, sent, pager, history } = await started();
    expect(await pager.page(event())).toMatchObject({ paged: true });
    await clock.advance({ seconds: 0 });
    expect(who(sent)).toEqual(['03:00 wecomApp:ZhangWei']);
    await clock.advance({ minutes: 9, seconds: 59 });
    expect(sent).toHaveLength(1);
    await clock.advance({ seconds: 1 });
    await clock.advance({ minutes: 20 });
    await clock.advance({ hours: 2 });
    expect(who(sent)).toEqual([
      '03:00 wecomApp:ZhangWei',
      '03:10 sms:13800000002',
      '03:20 sms:13800000003',
      '03:30 email:huangjun@yunxi-court.example',
    ]);
    expect(sent[0].page.text).not.toContain('[升级]');
    expect(sent[1].page.text).toMatch(
      /^【法院运维】\[升级\]L1 紧急工单 INC-2026-00042/,
    );
    expect(history.filter(h => h.includes('升级'))).toHaveLength(3);
  });

  it('an acknowledgement by the link stops the escalation', async () => {
    const { clock, sent, pager, history } = await started();
    const { pageId } = await pager.page(event());
    await clock.advance({ seconds: 0 });
    const [delivery] = await store.deliveriesOf(pageId!);
    expect(sent[0].page.text).toContain(
      `https://ops.court.example/api/paging/a/${delivery.ackCode}`,
    );
    await clock.advance({ minutes: 5 });
    expect(await pager.acknowledgeByLink(delivery.ackCode)).toBeDefined();
    await clock.advance({ hours: 1 });
    expect(who(sent)).toEqual(['03:00 wecomApp:ZhangWei']);
    expect(history).toContain('user:default/zhangwei 已确认（链接），停止升级');
  });

  it('an SMS reply acknowledges only from the mobile it was sent to', async () => {
    const { clock, pager } = await started({ failing: new Set(['wecomApp']) });
    const { pageId } = await pager.page(event());
    await clock.advance({ minutes: 1 });
    const [delivery] = await store.deliveriesOf(pageId!);
    expect(
      await pager.acknowledgeBySms('13800000009', `收到 ${delivery.replyCode}`),
    ).toBeUndefined();
    expect(
      await pager.acknowledgeBySms('13800000001', `收到 ${delivery.replyCode}`),
    ).toBeDefined();
    expect((await store.getPage(pageId!))?.status).toBe('acknowledged');
  });

  it('a failing channel is retried after the backoff, then the next channel is used', async () => {
    const { clock, sent, pager, history } = await started({
      failing: new Set(['wecomApp']),
    });
    await pager.page(event());
    await clock.advance({ seconds: 29 });
    expect(sent).toEqual([]);
    await clock.advance({ seconds: 1 });
    expect(who(sent)).toEqual(['03:00 sms:13800000001']);
    expect(sent[0].at).toBe('2026-12-06T03:00:30.000+08:00');
    expect(history.filter(h => h.startsWith('发送失败'))).toEqual([
      '发送失败 user:default/zhangwei 经 wecomApp（wecomApp is down），30 秒后重试',
      '发送失败 user:default/zhangwei 经 wecomApp（wecomApp is down），改用 sms',
    ]);
  });

  it('what does not page stays in the portal: an L3 ticket at night', async () => {
    const { pager } = await started();
    expect(await pager.page(event({ level: 'L3' }))).toMatchObject({
      paged: false,
    });
  });

  it('quiet hours hold back an L3 breach until they end; an L1 goes through', async () => {
    await store.saveSettings(
      'user:default/zhangwei',
      { channels: ['sms'], quietHours: { start: '22:00', end: '07:00' } },
      '2026-12-05T19:00:00.000Z',
    );
    const { clock, sent, pager } = await started();
    await pager.page(event({ kind: 'sla-breach', level: 'L3' }));
    await pager.page(event({ kind: 'sla-breach', level: 'L1' }));
    await clock.advance({ seconds: 0 });
    expect(who(sent)).toEqual(['03:00 sms:13800000001']);
    expect(sent[0].page.text).toContain('L1');
    await clock.set('2026-12-06T07:00:00+08:00');
    expect(who(sent).filter(s => s.includes('13800000001'))).toContain(
      '07:00 sms:13800000001',
    );
  });

  it('two replicas on one database send each page once', async () => {
    const sent: Sent[] = [];
    const a = await started({ sent });
    // Replicas share the time: one clock, each replica its own wake-ups.
    const b = await started(
      { sent, clock: a.clock },
      await PagingStore.fromKnex(knex, { skipMigrations: true }),
    );
    const e = event();
    const results = await Promise.all([a.pager.page(e), b.pager.page(e)]);
    expect(results.filter(r => r.paged)).toHaveLength(1);
    await a.clock.advance({ minutes: 40 });
    expect(sent.map(s => s.address).sort()).toEqual([
      '13800000002',
      '13800000003',
      'ZhangWei',
      'huangjun@yunxi-court.example',
    ]);
  });

  it('a restart mid-delivery: the delivery a stopped replica held is sent once, after its lease', async () => {
    const { pageId } = await setUp(knex, store).pager.page(event());
    // A replica claimed it and stopped before it could finish.
    expect(
      await store.claimDue(
        '2026-12-05T19:00:00.000Z',
        'stopped-replica',
        '2026-12-05T19:01:00.000Z',
        10,
      ),
    ).toHaveLength(1);
    const { clock, sent } = await started();
    await clock.advance({ seconds: 59 });
    expect(sent).toEqual([]);
    await clock.advance({ seconds: 1 });
    await clock.advance({ minutes: 5 });
    expect(who(sent)).toEqual(['03:01 wecomApp:ZhangWei']);
    expect((await store.deliveriesOf(pageId!))[0].status).toBe('sent');
  });
});
