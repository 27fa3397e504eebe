/**
 * Report files benchmark (a measurement, not a test: it exits 0 when the goal is missed, and says
 * so). Renders a month's Word and Excel files (renderReportFiles, as issuing does) for a month of
 * synthetic facts the size a busy court's month reaches in the tickets benchmark's year (about
 * 8,500 tickets of 100,000 a year, ~300 changes, two work logs a ticket, ~5 % breached clocks in
 * the breach list), N times, and prints the p50 and p95 of a render and the peak RSS; then the
 * Word report's page count as LibreOffice lays it out (soffice → PDF → pdfinfo).
 *
 *   yarn tsx scripts/bench/report-files.ts [--tickets 8500] [--runs 10] [--language zh|en]
 *       [--out <folder>]   (writes the last run's files there, to open or count pages)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import type {
  Breach,
  ChangeFact,
  ReportFigures,
  TicketClockFact,
  TicketFact,
} from '@internal/plugin-reports-common';
import { renderReportFiles } from '@internal/plugin-reports-backend';
import { fixtureFigures } from '@internal/plugin-reports-backend/testUtils';
import { arg, countArg, random } from './lib';

const GOAL_P95_MS = 3_000;
const GOAL_RSS_MB = 1_024;

const options = {
  tickets: countArg('tickets', 8500),
  runs: Number(arg('runs') ?? '10'),
  language: (arg('language') ?? 'zh') as 'zh' | 'en',
  out: arg('out'),
};

const rnd = random(13);
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)];

const ZONE = 'Asia/Shanghai';
const MONTH_START = DateTime.fromISO('2026-11-01', { zone: ZONE });
const SYSTEMS = [
  'trial-system',
  'case-filing',
  'enforcement',
  'office-automation',
  'e-litigation',
  'court-network',
  'video-conference',
  'archives',
  'security',
].map(name => `system:default/${name}`);
const ENGINEERS = Array.from(
  { length: 40 },
  (_, i) => `user:default/engineer-${i + 1}`,
);
const DEVICES = Array.from(
  { length: 880 },
  (_, i) => `resource:default/device-${i + 1}`,
);
const FAULTS = [
  '无法开机',
  '网络中断',
  '打印卡纸',
  '庭审录像丢帧',
  '话筒无声',
  '账号锁定',
];
const PLACES = [
  '第一审判庭',
  '第三审判庭',
  '立案大厅',
  '执行局',
  '档案室',
  '信息中心机房',
];
const LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
const TYPES = [
  'incident',
  'incident',
  'incident',
  'service-request',
  'service-request',
  'problem',
  'complaint',
] as const;

const at = (minutes: number) => MONTH_START.plus({ minutes }).toUTC().toISO()!;

function clock(
  name: TicketClockFact['clock'],
  level: TicketClockFact['level'],
  start: number,
  length: number,
  breach: boolean,
): TicketClockFact {
  return {
    clock: name,
    level,
    startedAt: at(start),
    stoppedAt: at(start + length),
    ...(breach ? { breachedAt: at(start + Math.floor(length / 2)) } : {}),
    elapsedMs: length * 60_000,
    pausedMs: name === 'resolution' && rnd() < 0.2 ? 30 * 60_000 : 0,
  };
}

function syntheticTickets(count: number): TicketFact[] {
  const minutesInMonth = 30 * 24 * 60;
  return Array.from({ length: count }, (_, i) => {
    const type = pick(TYPES);
    const level = pick(LEVELS);
    const created = Math.floor(rnd() * (minutesInMonth - 600));
    const systems =
      rnd() < 0.1 ? [pick(SYSTEMS), pick(SYSTEMS)] : [pick(SYSTEMS)];
    const clocks =
      type === 'incident' || type === 'service-request'
        ? [
            clock(
              'response',
              level,
              created,
              5 + Math.floor(rnd() * 30),
              rnd() < 0.05,
            ),
            clock(
              'arrival',
              level,
              created,
              20 + Math.floor(rnd() * 60),
              rnd() < 0.05,
            ),
            clock(
              'resolution',
              level,
              created + 30,
              60 + Math.floor(rnd() * 480),
              rnd() < 0.05,
            ),
          ]
        : [];
    const engineer = pick(ENGINEERS);
    return {
      id: `t-${i}`,
      number: `INC-2026-${String(i + 1).padStart(5, '0')}`,
      title: `${pick(PLACES)}${pick(FAULTS)}`,
      type,
      ...(type === 'service-request' ? { category: 'install' as const } : {}),
      channel: pick(['portal', 'phone', 'monitoring', 'inspection'] as const),
      level,
      status: 'closed',
      entityRefs: [pick(DEVICES)],
      systemRefs: systems,
      assignee: engineer,
      createdAt: at(created),
      arrivedAt: at(created + 40),
      resolvedAt: at(created + 300),
      closedAt: at(created + 1440),
      reopenedAt: rnd() < 0.03 ? [at(created + 400)] : [],
      reassignments: Math.floor(rnd() * 2),
      ...(rnd() < 0.6
        ? {
            satisfaction: 3 + Math.floor(rnd() * 3),
            calledBackAt: at(created + 1440),
          }
        : {}),
      workLogs: [
        {
          engineer,
          minutes: 30 + Math.floor(rnd() * 120),
          workDate: MONTH_START.plus({ minutes: created }).toISODate()!,
        },
        {
          engineer: pick(ENGINEERS),
          minutes: 15 + Math.floor(rnd() * 60),
          workDate: MONTH_START.plus({ minutes: created + 300 }).toISODate()!,
        },
      ],
      clocks,
    };
  });
}

function syntheticChanges(count: number): ChangeFact[] {
  return Array.from({ length: count }, (_, i) => {
    const filed = Math.floor(rnd() * 40_000);
    return {
      id: `c-${i}`,
      number: `CHG-2026-${String(i + 1).padStart(5, '0')}`,
      title: `${pick(PLACES)}设备变更`,
      status: 'succeeded',
      emergency: rnd() < 0.1,
      risk: pick(['low', 'medium', 'high'] as const),
      entityRefs: [pick(DEVICES)],
      systemRefs: [pick(SYSTEMS)],
      filedAt: at(filed),
      decision: 'approved',
      decidedAt: at(filed + 600),
      outcome: 'succeeded',
      finishedAt: at(filed + 1200),
      workLogs: [
        {
          engineer: pick(ENGINEERS),
          minutes: 120,
          workDate: MONTH_START.plus({ minutes: filed + 1200 }).toISODate()!,
        },
      ],
    };
  });
}

/**
 * The figures' shape at this size: the fixture's, with the lists a busy month has (every
 * system, every engineer, the breach list of the synthetic tickets). The files render figures,
 * they do not compute them, so their values need not be the facts' maths.
 */
function syntheticFigures(tickets: readonly TicketFact[]): ReportFigures {
  const breaches: Breach[] = tickets.flatMap(ticket =>
    ticket.clocks
      .filter(c => c.breachedAt)
      .map(c => ({
        ticketId: ticket.id,
        number: ticket.number,
        title: ticket.title,
        clock: c.clock,
        level: c.level,
        systemRefs: ticket.systemRefs,
        breachedAt: c.breachedAt!,
      })),
  );
  const current = fixtureFigures.current.tickets;
  const perSystem = SYSTEMS.map((systemRef, i) => ({
    systemRef,
    count: 900 - i * 50,
  }));
  return {
    ...fixtureFigures,
    current: {
      ...fixtureFigures.current,
      tickets: {
        ...current,
        services: {
          ...current.services,
          total: tickets.length,
          bySystem: perSystem,
        },
        compliance: {
          ...current.compliance,
          bySystem: SYSTEMS.flatMap(systemRef =>
            (['response', 'arrival', 'resolution'] as const).map(c => ({
              systemRef,
              clock: c,
              met: 300,
              breached: 15,
              running: 2,
              percent: 95.2,
            })),
          ),
          breaches,
        },
        workMinutes: {
          ...current.workMinutes,
          byEngineer: ENGINEERS.map((engineer, i) => ({
            engineer,
            minutes: 9000 - i * 100,
          })),
          bySystem: SYSTEMS.map((systemRef, i) => ({
            systemRef,
            minutes: 20000 - i * 1000,
          })),
        },
        topDevices: DEVICES.slice(0, 10).map((entityRef, i) => ({
          entityRef,
          incidents: 30 - i,
        })),
      },
    },
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main() {
  const tickets = syntheticTickets(options.tickets);
  const changes = syntheticChanges(Math.round(options.tickets / 28));
  const input = {
    figures: syntheticFigures(tickets),
    tickets,
    changes,
    language: options.language,
    version: 1,
    issuedBy: 'user:default/ops-manager',
    issuedAt: '2026-12-01T01:30:00Z',
    court: {
      name: '江州市中级人民法院',
      contractor: '江州信源信息技术服务有限公司',
    },
  };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const hashes = new Set<string>();
  let last: Awaited<ReturnType<typeof renderReportFiles>> = [];
  for (let run = 0; run < options.runs; run++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    last = await renderReportFiles(input);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    hashes.add(
      last
        .map(file => createHash('sha256').update(file.content).digest('hex'))
        .join(' '),
    );
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
  const [load1] = loadavg();
  const rssMb = peakRss / 2 ** 20;
  console.log(
    `${options.tickets} ticket facts, ${changes.length} changes, ` +
      `${input.figures.current.tickets.compliance.breaches.length} breaches listed, ${options.runs} runs (Word + Excel, ${options.language})`,
  );
  for (const file of last) {
    console.log(
      `  ${file.name.padEnd(12)} ${(file.content.length / 1024)
        .toFixed(0)
        .padStart(6)} KiB`,
    );
  }
  console.log(
    `  render p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(
      0,
    )} ms (goal p95 ≤ ${GOAL_P95_MS} ms)`,
  );
  console.log(
    `  CPU time of a render p50 ${percentile(cpuSorted, 0.5).toFixed(
      0,
    )} ms, p95 ${percentile(cpuSorted, 0.95).toFixed(0)} ms ` +
      `(wall time above is on a machine with load average ${load1.toFixed(
        1,
      )} on ${cpus().length} cores)`,
  );
  console.log(
    `  same bytes in every run: ${
      hashes.size === 1 ? 'yes' : `NO (${hashes.size} different)`
    }`,
  );
  console.log(`  peak RSS ${rssMb.toFixed(0)} MiB (goal < ${GOAL_RSS_MB} MiB)`);
  if (p95 > GOAL_P95_MS || rssMb >= GOAL_RSS_MB || hashes.size !== 1) {
    console.log('  GOAL MISSED');
  }
  const docx = last.find(file => file.name === 'report.docx');
  if (docx) {
    console.log(
      `  report.docx pages (LibreOffice → PDF → pdfinfo): ${wordPages(
        docx.content,
      )}`,
    );
  }
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    for (const file of last)
      writeFileSync(join(options.out, file.name), file.content);
    console.log(`  files written to ${options.out}`);
  }
}

/** Pages of the Word report as LibreOffice lays it out, or why they could not be counted. */
function wordPages(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pages-'));
  try {
    writeFileSync(join(dir, 'report.docx'), docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'report.docx'),
      ],
      { stdio: 'ignore', timeout: 300_000 },
    );
    const info = execFileSync('pdfinfo', [join(dir, 'report.pdf')], {
      encoding: 'utf8',
    });
    return (
      /^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 'unknown (no Pages in pdfinfo)'
    );
  } catch (error) {
    return `not counted (${(error as Error).message.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.env.REPORT_FILES_PROFILE)
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
