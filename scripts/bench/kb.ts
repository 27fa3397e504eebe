/**
 * Knowledge base search benchmark (a measurement, not a test: it exits 0
 * when the goal is missed, and says so). For each database:
 *
 *  1. creates a scratch database (SQLite: a file in a temporary folder;
 *     PostgreSQL: `courtops_bench_kb`, dropped and created again) and runs the
 *     kb plugin's own migration through its store class;
 *  2. saves N synthetic articles (default 20,000) through the store exactly
 *     as the API does, one transaction each: 70 % Chinese with English
 *     device words, 30 % English, about 300 to 1,500 characters, from the court's own
 *     vocabulary of devices, faults, places and fixes;
 *  3. runs a fixed mix of searches (Chinese words and phrases, English words,
 *     mixed, one-character, with kind, entity and court-staff visibility
 *     filters) and times each the way the API runs it: the ranked query, the
 *     page of 20 articles with their links, and the snippets.
 *
 *   yarn tsx scripts/bench/kb.ts [--count 20000] [--db sqlite|postgres|both]
 *       [--rounds 10] [--keep]
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust).
 */
import { Knex } from 'knex';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  ArticleContent,
  ArticleKind,
  articleText,
  indexTerms,
  snippetOf,
} from '@internal/plugin-kb-common';
import { ArticleFilter, DatabaseKbStore } from '@internal/plugin-kb-backend';
import {
  arg,
  type BenchDatabase,
  countArg,
  databasesArg,
  flag,
  openScratchDatabase,
  percentile,
  random,
} from './lib';

const GOAL_P95_MS = 100;
const PG_DATABASE = 'courtops_bench_kb';

const options = {
  count: countArg('count', 20000),
  dbs: databasesArg(),
  rounds: Number(arg('rounds') ?? '10'),
  keep: flag('keep'),
};

// ---------------------------------------------------------------------------
// Synthetic articles

const DEVICES_ZH = [
  '打印机',
  '核心交换机',
  '汇聚交换机',
  '接入交换机',
  '防火墙',
  '出口路由器',
  'UPS 主机',
  '精密空调',
  '庭审主机',
  '庭审摄像机',
  '证据展示屏',
  '视频会议终端',
  '投影仪',
  'LED 大屏',
  '诉讼服务自助终端',
  '网络硬盘录像机',
  '监控摄像机',
  '门禁终端',
  'IP 程控交换机',
  '语音网关',
  '数据库服务器',
  '主存储',
  '备份服务器',
  '办公电脑',
  '扫描仪',
  '高拍仪',
  '拾音器',
  '功放',
];
const FAULTS_ZH = [
  '卡纸',
  '无法开机',
  '黑屏',
  '没有声音',
  '画面卡顿',
  '频繁掉线',
  '反复重启',
  '告警灯亮',
  '蓝屏',
  '无法登录',
  '打印模糊',
  '无法识别 U 盘',
  '风扇异响',
  '温度过高',
  '转电池供电',
  '端口指示灯闪烁',
  '丢包严重',
  '延迟很高',
  '发现病毒',
  '备份任务失败',
  '录像中断',
  '时间不同步',
];
const PLACES_ZH = [
  '第一法庭',
  '第二法庭',
  '第三法庭',
  '第六法庭',
  '第九法庭',
  '院办公室',
  '立案窗口',
  '核心机房',
  '视频会议室',
  '诉讼服务大厅',
  '刑事审判第一庭',
  '运维值班室',
  'UPS 电池室',
];
const STEPS_ZH = [
  '先确认设备电源指示灯是否正常',
  '检查电源线和网线是否松动',
  '重新插拔网线后观察指示灯',
  '按规程重启设备并记录时间',
  '打开前盖取出卡住的纸张',
  '清理进纸通道和搓纸轮',
  '更换硒鼓后打印测试页',
  '登录管理界面查看告警日志',
  '切换到备用链路并通知服务台',
  '核对 VRRP 主备状态',
  '联系厂商工程师到场',
  '将终端从网络隔离',
  '使用杀毒软件全盘查杀',
  '核对昨晚备份任务的结果',
  '检查电池剩余时间和负载',
  '通知庭审书记员改用备用设备',
  '在工单中登记处理过程',
  '恢复后请使用人确认',
  '升级到厂商推荐的固件版本',
  '检查机房温度和湿度',
  '确认 NTP 服务器时间',
  '查看交换机端口是否 err-disable',
];
const WORDS_EN = [
  'printer',
  'paper',
  'jam',
  'core',
  'switch',
  'failover',
  'vrrp',
  'ospf',
  'recorder',
  'courtroom',
  'audio',
  'video',
  'backup',
  'restore',
  'antivirus',
  'quarantine',
  'ups',
  'battery',
  'runtime',
  'generator',
  'network',
  'outage',
  'latency',
  'firmware',
  'upgrade',
  'reboot',
  'cable',
  'port',
  'vlan',
  'server',
  'storage',
  'disk',
  'raid',
  'alarm',
  'temperature',
  'camera',
  'nvr',
  'projector',
  'display',
  'login',
  'password',
  'account',
  'certificate',
  'toner',
  'driver',
  'scanner',
  'microphone',
  'amplifier',
  'codec',
  'kiosk',
  'fan',
  'power',
  'supply',
  'link',
  'packet',
  'loss',
  'log',
  'clerk',
  'hearing',
  'judge',
];
const ENTITIES = [
  ...Array.from({ length: 4 }, (_, i) => `resource:default/printer-0${i + 1}`),
  'resource:default/core-switch-01',
  'resource:default/core-switch-02',
  ...Array.from(
    { length: 9 },
    (_, i) => `resource:default/courtroom-recorder-t0${i + 1}`,
  ),
  'resource:default/ups-01',
  'resource:default/ups-02',
  'resource:default/backup-server-01',
  'resource:default/av-server-01',
  'resource:default/nvr-01',
  'resource:default/firewall-01',
  'system:default/network',
  'system:default/courtroom-trial',
  'system:default/machine-rooms',
  'system:default/office-automation',
  'system:default/security-cctv',
  'system:default/conference',
];
const KINDS: ArticleKind[] = ['known-error', 'runbook', 'how-to', 'faq'];

function syntheticArticles(count: number, prngSeed = 7): ArticleContent[] {
  const next = random(prngSeed);
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(next() * list.length)];
  const sentences = (make: () => string, min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min)) }, make);
  return Array.from({ length: count }, (_, i) => {
    const chinese = next() < 0.7;
    const kind = KINDS[i % KINDS.length];
    const device = pick(DEVICES_ZH);
    const fault = pick(FAULTS_ZH);
    const place = pick(PLACES_ZH);
    const title = chinese
      ? `${place}${device}${fault}的处理`
      : `${pick(WORDS_EN)} ${pick(WORDS_EN)} ${pick(WORDS_EN)} in ${pick(
          WORDS_EN,
        )}`;
    const zhSentence = () =>
      `${pick(STEPS_ZH)}，${pick(PLACES_ZH)}的${pick(DEVICES_ZH)}${pick(
        FAULTS_ZH,
      )}时${next() < 0.3 ? ` 参考 ${pick(WORDS_EN)} ${pick(WORDS_EN)}` : ''}。`;
    const enSentence = () =>
      `${Array.from({ length: 6 + Math.floor(next() * 8) }, () =>
        pick(WORDS_EN),
      ).join(' ')}.`;
    const body = sentences(chinese ? zhSentence : enSentence, 8, 22)
      .map((line, n) => `${n + 1}. ${line}`)
      .join('\n');
    return {
      kind,
      title,
      body,
      ...(kind === 'known-error'
        ? {
            knownError: {
              symptom: chinese
                ? `${device}${fault}`
                : `${pick(WORDS_EN)} ${pick(WORDS_EN)}`,
              cause: chinese ? pick(STEPS_ZH) : enSentence(),
              workaround: chinese ? pick(STEPS_ZH) : enSentence(),
              fix: '',
            },
          }
        : {}),
      tags: [chinese ? device : pick(WORDS_EN)],
      language: chinese ? 'zh' : 'en',
      entityRefs: [...new Set([pick(ENTITIES), pick(ENTITIES)])],
      ticketRefs: [],
      owner: 'group:default/onsite-team',
      visibility: next() < 0.4 ? 'public' : 'internal',
    };
  });
}

/** The searches timed: what the desk, engineers and court staff type. */
const STAFF: ArticleFilter = {
  access: { property: 'visibility', values: ['public'] },
};
const SEARCHES: { q: string; filter?: ArticleFilter }[] = [
  { q: '打印机' },
  { q: '卡纸' },
  { q: '打印机卡纸' },
  { q: '打印机卡纸', filter: STAFF },
  { q: '核心交换机 故障' },
  { q: '庭审主机没有声音' },
  { q: '录像中断', filter: { kinds: ['runbook'] } },
  { q: 'UPS 电池' },
  { q: '发现病毒', filter: { kinds: ['known-error'] } },
  { q: '备份任务失败' },
  { q: '投影仪黑屏', filter: STAFF },
  { q: '机' },
  { q: '第一法庭庭审主机无法开机怎么处理' },
  { q: '交换机', filter: { entityRefs: ['system:default/network'] } },
  {
    q: '打印机',
    filter: { entityRefs: ['resource:default/printer-01'], ...STAFF },
  },
  { q: 'printer' },
  { q: 'paper jam' },
  { q: 'core switch failover' },
  { q: 'backup restore', filter: { kinds: ['runbook'] } },
  { q: 'vrrp' },
  { q: 'ups battery runtime', filter: STAFF },
  { q: 'antivirus quarantine' },
  { q: '打印机 printer' },
  { q: 'UPS 转电池供电' },
  // Questions as court staff type them: filler, synonyms, typos, full width.
  { q: '投影仪没有画面了怎么办', filter: STAFF },
  { q: '请问庭审主机开不了机怎么办' },
  { q: '电脑上不了网' },
  { q: '核心交换几故障' },
  { q: 'printr paper jam' },
  { q: 'ＵＰＳ 电池' },
];

// ---------------------------------------------------------------------------

async function seed(
  store: DatabaseKbStore,
  articles: ArticleContent[],
  parallel: number,
) {
  let next = 0;
  const at = new Date('2026-11-01T02:00:00.000Z').getTime();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < articles.length) {
        const i = next++;
        await store.insert({
          content: articles[i],
          actor: 'user:default/wangqiang',
          at: new Date(at + i * 60_000).toISOString(),
        });
      }
    }),
  );
}

/** One search as the API runs it: ranked page, whole articles, snippets. */
async function search(
  store: DatabaseKbStore,
  q: string,
  filter: ArticleFilter = {},
) {
  const page = await store.searchText(q, { filter, limit: 20, offset: 0 });
  for (const article of page.items) snippetOf(articleText(article), q);
  return page;
}

/**
 * The postings main's analysis (character pairs and single characters, no
 * words, no synonyms) made of the same articles: the index size before.
 */
function bigramPostings(articles: readonly ArticleContent[]): number {
  let rows = 0;
  for (const article of articles) {
    rows += new Set([
      ...indexTerms(article.title),
      ...indexTerms(article.tags.join(' ')),
      ...indexTerms(articleText(article)),
    ]).size;
  }
  return rows;
}

/** Bytes of the postings table and its indexes. */
async function postingsBytes(kind: string, knex: Knex): Promise<number> {
  if (kind === 'sqlite') {
    const [row] = await knex.raw(
      "SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'kb_postings')",
    );
    return Number(row.bytes);
  }
  const { rows } = await knex.raw(
    "SELECT pg_total_relation_size('kb_postings') AS bytes",
  );
  return Number(rows[0].bytes);
}

async function bench(kind: BenchDatabase, articles: ArticleContent[]) {
  const { knex, cleanup } = await openScratchDatabase(kind, {
    name: 'kb',
    pgDatabase: PG_DATABASE,
    keep: options.keep,
  });
  try {
    const store = await DatabaseKbStore.fromKnex(knex);
    let started = performance.now();
    await seed(store, articles, kind === 'sqlite' ? 1 : 8);
    const seedSeconds = (performance.now() - started) / 1000;
    await knex.raw(kind === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE');
    const [{ count: postings }] = await knex('kb_postings').count({
      count: '*',
    });
    const bytes = await postingsBytes(kind, knex);

    // Warm-up: one pass, as a running portal would have its pages cached.
    for (const { q, filter } of SEARCHES) await search(store, q, filter);
    const times: number[] = [];
    const perQuery = new Map<string, number[]>();
    const hits = new Map<string, number>();
    for (let round = 0; round < options.rounds; round++) {
      for (const { q, filter } of SEARCHES) {
        started = performance.now();
        const page = await search(store, q, filter);
        const ms = performance.now() - started;
        times.push(ms);
        const key = `${q}${
          filter ? ` [${Object.keys(filter).join(',')}]` : ''
        }`;
        perQuery.set(key, [...(perQuery.get(key) ?? []), ms]);
        hits.set(key, page.total);
      }
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(
      `\n${kind}: ${articles.length} articles, ${Number(
        postings,
      ).toLocaleString('en-US')} postings, seeded in ${seedSeconds.toFixed(
        0,
      )} s; postings table and indexes ${(bytes / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(
      '  query                                              matches   median ms',
    );
    for (const [key, samples] of perQuery) {
      samples.sort((a, b) => a - b);
      console.log(
        `  ${key.padEnd(44)} ${String(hits.get(key)).padStart(12)} ${percentile(
          samples,
          50,
        )
          .toFixed(1)
          .padStart(11)}`,
      );
    }
    console.log(
      `  ${times.length} searches: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(
        1,
      )} ms, max ${times[times.length - 1].toFixed(
        1,
      )} ms — goal p95 < ${GOAL_P95_MS} ms: ${
        p95 < GOAL_P95_MS ? 'met' : 'MISSED'
      }`,
    );
    return { kind, p50, p95 };
  } finally {
    await cleanup();
  }
}

async function main() {
  console.log(
    `Knowledge base search benchmark, node ${process.version}, ${
      cpus().length
    } cores, ${options.count} articles, ${SEARCHES.length} searches × ${
      options.rounds
    } rounds per database`,
  );
  const articles = syntheticArticles(options.count);
  const started = performance.now();
  console.log(
    `index size before (main's analysis: character pairs and characters): ${bigramPostings(
      articles,
    ).toLocaleString('en-US')} postings; after: below (adds jieba words of 3+ characters, synonyms read as one spelling) — counted in ${(
      (performance.now() - started) /
      1000
    ).toFixed(0)} s`,
  );
  const results = [];
  for (const kind of options.dbs) results.push(await bench(kind, articles));
  console.log('\nsummary');
  for (const r of results) {
    console.log(
      `  ${r.kind.padEnd(9)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(
        1,
      )} ms`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
