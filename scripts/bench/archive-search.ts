/**
 * Archive search benchmark, issue #14 (a measurement, not a test: it exits 0
 * when the goal is missed, and says so). For each database:
 *
 *  1. creates a scratch database (SQLite: a file in a temporary folder;
 *     PostgreSQL: `courtops_bench_archive`, dropped and created again) and
 *     runs the archive plugin's own migrations through its store class;
 *  2. registers N synthetic documents (default 50,000) through the store as
 *     the API does, one transaction each with its first file: the five
 *     classes and their configured sub-classes, dates in 2024–2026, Chinese
 *     titles from the court's vocabulary (devices, systems, forms, reports)
 *     with some English words and ticket numbers, linked systems, devices
 *     and tickets, a fifth of them restricted to named readers;
 *  3. runs a fixed mix of queries and times each the way `GET /documents`
 *     runs it: the query string checked by the API's schema, the filter built
 *     by the service (`documentFilterOf`), the store's page of 50 documents
 *     with their links and versions, and the JSON answer.
 *
 *   yarn tsx scripts/bench/archive-search.ts [--count 50000]
 *       [--db sqlite|postgres|both] [--rounds 10] [--keep] [--explain]
 *
 * `--explain` prints each query's plan (EXPLAIN QUERY PLAN on SQLite,
 * EXPLAIN ANALYZE on PostgreSQL) of the store's page query before timing.
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust).
 */
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  DOCUMENT_CLASSES,
  DocumentClass,
  DocumentSource,
  ListDocumentsQuery,
  documentNumber,
  listDocumentsQuerySchema,
} from '@internal/plugin-archive-common';
import {
  DatabaseArchiveStore,
  type DocumentAccess,
  documentFilterOf,
  type NewDocument,
  type NewFile,
  readArchiveConfig,
} from '@internal/plugin-archive-backend';
import { parseInput } from '@internal/plugin-court-node';
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
const PG_DATABASE = 'courtops_bench_archive';

const options = {
  count: countArg('count', 50000),
  dbs: databasesArg(),
  rounds: Number(arg('rounds') ?? '10'),
  keep: flag('keep'),
  explain: flag('explain'),
};

// ---------------------------------------------------------------------------
// Synthetic documents

const SYSTEMS: { ref: string; name: string; devices: string[] }[] = [
  {
    ref: 'system:default/network',
    name: '法院专网',
    devices: ['核心交换机', '汇聚交换机', '接入交换机', '防火墙', '出口路由器'],
  },
  {
    ref: 'system:default/courtroom-trial',
    name: '科技法庭系统',
    devices: ['庭审主机', '庭审摄像机', '证据展示屏', '拾音器', '功放'],
  },
  {
    ref: 'system:default/machine-rooms',
    name: '中心机房',
    devices: ['UPS 主机', '精密空调', '配电柜', '动环监控主机'],
  },
  {
    ref: 'system:default/office-automation',
    name: '办公自动化系统',
    devices: ['办公电脑', '打印机', '扫描仪', '高拍仪'],
  },
  {
    ref: 'system:default/security-cctv',
    name: '安防监控系统',
    devices: ['网络硬盘录像机', '监控摄像机', '门禁终端'],
  },
  {
    ref: 'system:default/conference',
    name: '视频会议系统',
    devices: ['视频会议终端', 'MCU', 'LED 大屏', '投影仪'],
  },
  {
    ref: 'system:default/e-dossier',
    name: '电子卷宗系统',
    devices: ['数据库服务器', '主存储', '备份服务器', '扫描工作站'],
  },
  {
    ref: 'system:default/litigation-service',
    name: '诉讼服务系统',
    devices: ['诉讼服务自助终端', '排队叫号机', '立案窗口电脑'],
  },
];
const PLACES = [
  '第一法庭',
  '第二法庭',
  '第三法庭',
  '第六法庭',
  '第九法庭',
  '核心机房',
  '诉讼服务大厅',
  '立案窗口',
  '视频会议室',
  '院办公室',
];
/** Forms and records of the O&M class, by sub-class. */
const OM_TITLES: Record<string, string[]> = {
  运维手册: ['运维手册', '维护手册', '操作手册'],
  操作规程: ['操作规程', '应急处置规程', '开关机规程'],
  表单: ['设备登记表', '备件领用表', '故障登记表', '交接班记录表'],
  变更记录: ['配置变更记录', '固件升级变更记录', '割接变更记录'],
  巡检记录: ['巡检记录表', '月度巡检记录', '日常巡检记录'],
};
const PROJECT_TITLES = [
  '竣工验收报告',
  '交接文档',
  '系统说明书',
  '部署架构说明',
  '设备清单',
  '培训记录',
];
const QUALITY_TITLES = [
  '质量管理制度',
  '服务质量自查报告',
  '质量检查记录',
  '用户满意度回访汇总',
  '纠正预防措施记录',
];
const OTHER_TITLES: Record<string, string[]> = {
  来函: [
    '关于网络安全检查的通知',
    '关于节假日值班安排的函',
    '关于设备报修的函',
  ],
  传真: ['厂商服务确认传真', '备件到货确认传真'],
  外来资料: ['厂商技术白皮书', '安全漏洞通告', '产品停产通知'],
};
/** English words the court's documents carry beside the Chinese. */
const ENGLISH = [
  'firmware',
  'VRRP',
  'OSPF',
  'VLAN',
  'backup',
  'RAID',
  'antivirus',
  'patch',
  'SNMP',
  'failover',
];
const SOURCES: DocumentSource[] = ['contractor', 'court', 'vendor', 'other'];
const DEVICE_REFS = Array.from(
  { length: 60 },
  (_, i) => `resource:default/device-${String(i + 1).padStart(3, '0')}`,
);
/** A court clerk: named reader of some restricted documents. */
const CLERK = 'user:default/chenjing';
const READERS = [
  'user:default/zhangwei',
  'user:default/lina',
  'user:default/liuyang',
  CLERK,
];

function ticketNumber(next: () => number, year: number): string {
  const prefix = next() < 0.7 ? 'INC' : 'CHG';
  return `${prefix}-${year}-${String(1 + Math.floor(next() * 40000)).padStart(
    5,
    '0',
  )}`;
}

/** Registered in date order, as a court files them. */
function syntheticDocuments(
  count: number,
  subClasses: Record<DocumentClass, string[]>,
  prngSeed = 14,
): Omit<NewDocument, 'id'>[] {
  const next = random(prngSeed);
  const pick = <T>(values: readonly T[]) =>
    values[Math.floor(next() * values.length)];
  const first = Date.UTC(2024, 0, 1);
  const days = (Date.UTC(2026, 10, 30) - first) / 86_400_000 + 1;
  const documents = Array.from({ length: count }, () => {
    const documentClass = pick(DOCUMENT_CLASSES);
    const date = new Date(first + Math.floor(next() * days) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const system = pick(SYSTEMS);
    const device = pick(system.devices);
    const subClass = pick(subClasses[documentClass]);
    const tickets =
      documentClass === 'om' || documentClass === 'service-report'
        ? Array.from(
            { length: next() < 0.3 ? 1 + Math.floor(next() * 3) : 0 },
            () => ticketNumber(next, year),
          )
        : [];
    let title: string;
    switch (documentClass) {
      case 'om':
        title = `${pick(PLACES)}${device}${pick(
          OM_TITLES[subClass] ?? [subClass],
        )}`;
        break;
      case 'project':
        title = `${system.name}${pick(PROJECT_TITLES)}`;
        break;
      case 'quality':
        title = `${year}年第${Math.ceil(month / 3)}季度${pick(QUALITY_TITLES)}`;
        break;
      case 'service-report':
        title =
          subClass === '周报' || subClass === '月报'
            ? `${year}年${month}月运维${subClass}`
            : `${system.name}${device}${subClass}`;
        break;
      default:
        title = pick(OTHER_TITLES[subClass] ?? [subClass]);
    }
    if (next() < 0.15) title += ` ${pick(ENGLISH)} ${pick(ENGLISH)}`;
    if (tickets.length > 0 && next() < 0.5) title += `（${tickets[0]}）`;
    const restricted = next() < 0.2;
    return {
      title,
      documentClass,
      subClass,
      date,
      source: pick(SOURCES),
      systemRefs: [system.ref],
      entityRefs: [...new Set([pick(DEVICE_REFS), pick(DEVICE_REFS)])],
      ticketNumbers: tickets,
      confidentiality: restricted
        ? ('restricted' as const)
        : ('public' as const),
      readers: restricted ? [pick(READERS)] : [],
      retentionYears: pick([5, 10, 30]),
      createdBy: 'user:default/wangqiang',
      createdAt: `${date}T02:00:00.000Z`,
    };
  });
  return documents.sort((a, b) => a.date.localeCompare(b.date));
}

/** A small first file: lists carry each document's versions, never the bytes. */
function firstFile(document: Omit<NewDocument, 'id'>): NewFile {
  const content = Buffer.from(`%PDF-1.4\n% ${document.title}\n%%EOF\n`);
  return {
    fileName: `${document.title.slice(0, 40)}.pdf`,
    kind: 'pdf',
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    pages: 1,
    uploadedBy: document.createdBy,
    uploadedAt: document.createdAt,
  };
}

// ---------------------------------------------------------------------------
// The queries

const IT_OFFICE: DocumentAccess = { all: true };
/** Court staff: public documents, and the restricted ones naming them. */
const COURT_STAFF: DocumentAccess = { all: false, reader: CLERK };

interface Query {
  kind: string;
  query: ListDocumentsQuery;
  access?: DocumentAccess;
  /** Pages to turn (untimed) before the one timed. */
  skipPages?: number;
}

function queriesFor(documents: Omit<NewDocument, 'id'>[]): Query[] {
  // A number and a ticket from the middle of the archive.
  const middle = documents[Math.floor(documents.length / 2)];
  const sequence = documents.filter(
    d =>
      d.documentClass === middle.documentClass &&
      d.date.slice(0, 4) === middle.date.slice(0, 4),
  ).length;
  const number = documentNumber(
    middle.documentClass,
    Number(middle.date.slice(0, 4)),
    Math.ceil(sequence / 2),
  );
  const ticket = documents
    .slice(documents.length / 2)
    .find(d => d.ticketNumbers.length > 0)!.ticketNumbers[0];
  return [
    { kind: 'Chinese keyword', query: { q: '交换机' } },
    { kind: 'Chinese keyword', query: { q: '巡检' } },
    { kind: 'Chinese keyword', query: { q: '打印机' } },
    { kind: 'two-word Chinese', query: { q: '核心交换机 巡检' } },
    { kind: 'two-word Chinese', query: { q: '庭审 操作规程' } },
    { kind: 'English word', query: { q: 'firmware' } },
    { kind: 'English word', query: { q: 'UPS' } },
    { kind: 'document number', query: { q: number } },
    { kind: 'ticket number', query: { q: ticket } },
    {
      kind: 'class + period',
      query: { class: 'om', from: '2025-01-01', to: '2025-03-31' },
    },
    {
      kind: 'class + period',
      query: {
        class: 'service-report,quality',
        from: '2026-07-01',
        to: '2026-09-30',
      },
    },
    { kind: 'system filter', query: { system: 'system:default/network' } },
    {
      kind: 'system filter',
      query: { system: 'system:default/e-dossier', from: '2026-01-01' },
    },
    { kind: 'keyword + class', query: { q: '月报', class: 'service-report' } },
    { kind: 'keyword + class', query: { q: '交换机', class: 'om' } },
    { kind: 'court-staff view', query: {}, access: COURT_STAFF },
    { kind: 'court-staff view', query: { q: '巡检' }, access: COURT_STAFF },
    { kind: 'page beyond the first', query: {}, skipPages: 2 },
    { kind: 'page beyond the first', query: { q: '交换机' }, skipPages: 1 },
    {
      kind: 'page beyond the first',
      query: { class: 'om' },
      access: COURT_STAFF,
      skipPages: 3,
    },
  ];
}

// ---------------------------------------------------------------------------

async function seed(
  store: DatabaseArchiveStore,
  documents: Omit<NewDocument, 'id'>[],
  parallel: number,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < documents.length) {
        const document = documents[next++];
        await store.createDocument(
          { ...document, id: randomUUID() },
          firstFile(document),
        );
      }
    }),
  );
}

/** One `GET /documents` as the API runs it after the permission check. */
async function list(
  store: DatabaseArchiveStore,
  query: ListDocumentsQuery,
  access: DocumentAccess,
) {
  const search = parseInput(listDocumentsQuerySchema, query, 'query');
  const page = await store.listDocuments(documentFilterOf(search, access));
  JSON.stringify(page);
  return page;
}

/** The query with the cursor of the page it times. */
async function prepared(store: DatabaseArchiveStore, q: Query) {
  let query = q.query;
  for (let page = 0; page < (q.skipPages ?? 0); page++) {
    const { nextCursor } = await list(store, query, q.access ?? IT_OFFICE);
    if (!nextCursor) {
      throw new Error(`${label(q)}: no page ${page + 2} (a larger --count)`);
    }
    query = { ...q.query, cursor: nextCursor };
  }
  return { ...q, query, access: q.access ?? IT_OFFICE };
}

/** Pads to a width in terminal columns: a Han character takes two. */
function pad(text: string, width: number): string {
  const columns = [...text].reduce(
    (sum, char) => sum + (/[\u2e80-\uffef]/.test(char) ? 2 : 1),
    0,
  );
  return text + ' '.repeat(Math.max(0, width - columns));
}

/** The plan of the first statement the list runs: the page query. */
async function explain(
  knex: Knex,
  kind: string,
  store: DatabaseArchiveStore,
  q: Query & { access: DocumentAccess },
) {
  let first: { sql: string; bindings: readonly Knex.Value[] } | undefined;
  const listener = (event: typeof first) => {
    first ??= event;
  };
  knex.on('query', listener);
  try {
    await list(store, q.query, q.access);
  } finally {
    knex.off('query', listener);
  }
  console.log(`\n  ${q.kind}: ${label(q)}`);
  if (kind === 'sqlite') {
    const rows: { id: number; parent: number; detail: string }[] =
      await knex.raw(`EXPLAIN QUERY PLAN ${first!.sql}`, first!.bindings);
    for (const row of rows)
      console.log(`    ${row.parent}/${row.id} ${row.detail}`);
  } else {
    // knex's pg client numbers its placeholders; raw() takes them as ?.
    const { rows } = await knex.raw(
      `EXPLAIN (ANALYZE, BUFFERS) ${first!.sql.replace(/\$\d+/g, '?')}`,
      first!.bindings,
    );
    for (const row of rows) console.log(`    ${row['QUERY PLAN']}`);
  }
}

function label(q: Query): string {
  const parts = Object.entries(q.query)
    .filter(([key]) => key !== 'cursor')
    .map(([key, value]) => `${key}=${value}`);
  if (q.access === COURT_STAFF) parts.push('staff');
  if (q.skipPages) parts.push(`page ${q.skipPages + 1}`);
  return parts.join(' ') || '(all)';
}

async function bench(
  kind: BenchDatabase,
  documents: Omit<NewDocument, 'id'>[],
) {
  const { knex, cleanup } = await openScratchDatabase(kind, {
    name: 'archive',
    pgDatabase: PG_DATABASE,
    keep: options.keep,
  });
  try {
    const store = await DatabaseArchiveStore.fromKnex(knex);
    let started = performance.now();
    await seed(store, documents, kind === 'sqlite' ? 1 : 8);
    const seedSeconds = (performance.now() - started) / 1000;
    await knex.raw(kind === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE');
    const [{ count: terms }] = await knex('archive_search_terms').count({
      count: '*',
    });

    const queries = [];
    for (const q of queriesFor(documents))
      queries.push(await prepared(store, q));
    if (options.explain) {
      for (const q of queries) await explain(knex, kind, store, q);
    }
    // Warm-up: one pass, as a running portal would have its pages cached.
    for (const q of queries) await list(store, q.query, q.access);
    const times: number[] = [];
    const perKind = new Map<string, number[]>();
    const perQuery = new Map<
      string,
      { kind: string; ms: number[]; found: number }
    >();
    for (let round = 0; round < options.rounds; round++) {
      for (const q of queries) {
        started = performance.now();
        const page = await list(store, q.query, q.access);
        const ms = performance.now() - started;
        times.push(ms);
        perKind.set(q.kind, [...(perKind.get(q.kind) ?? []), ms]);
        const key = label(q);
        const entry = perQuery.get(key) ?? { kind: q.kind, ms: [], found: 0 };
        entry.ms.push(ms);
        entry.found = page.items.length;
        perQuery.set(key, entry);
      }
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(
      `\n${kind}: ${documents.length.toLocaleString(
        'en-US',
      )} documents, ${Number(terms).toLocaleString(
        'en-US',
      )} search terms, seeded in ${seedSeconds.toFixed(0)} s`,
    );
    console.log(
      '  query                                                           rows  median ms',
    );
    for (const [key, { ms, found }] of perQuery) {
      ms.sort((a, b) => a - b);
      console.log(
        `  ${pad(key, 60)} ${String(found).padStart(6)} ${percentile(ms, 50)
          .toFixed(1)
          .padStart(10)}`,
      );
    }
    console.log('  kind                          p50 ms   p95 ms');
    for (const [name, ms] of perKind) {
      ms.sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(26)} ${percentile(ms, 50)
          .toFixed(1)
          .padStart(9)} ${percentile(ms, 95).toFixed(1).padStart(8)}`,
      );
    }
    console.log(
      `  ${times.length} queries: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(
        1,
      )} ms, max ${times[times.length - 1].toFixed(
        1,
      )} ms — goal p95 ≤ ${GOAL_P95_MS} ms: ${
        p95 <= GOAL_P95_MS ? 'met' : 'MISSED'
      }`,
    );
    return { kind, p50, p95 };
  } finally {
    await cleanup();
  }
}

async function main() {
  const config = readArchiveConfig(new ConfigReader({}));
  const documents = syntheticDocuments(options.count, config.subClasses);
  const mix = queriesFor(documents);
  console.log(
    `Archive search benchmark, node ${process.version}, ${
      cpus().length
    } cores, ${options.count} documents, ${mix.length} queries × ${
      options.rounds
    } rounds per database`,
  );
  const results = [];
  for (const kind of options.dbs) results.push(await bench(kind, documents));
  console.log('\nsummary');
  for (const r of results) {
    console.log(
      `  ${r.kind.padEnd(9)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(
        1,
      )} ms`,
    );
  }
  const missed = results.filter(r => r.p95 > GOAL_P95_MS);
  if (missed.length > 0) {
    console.log(
      `GOAL MISSED: p95 above ${GOAL_P95_MS} ms on ${missed
        .map(r => r.kind)
        .join(' and ')}`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
