import type {
  ChangeFact,
  ComplianceCounts,
  InspectionFigures,
  IssuedReportWithFigures,
  PeriodFigures,
  PeriodWindow,
  Rate,
  ReportKind,
  TicketFact,
} from '@internal/plugin-reports-common';
import { CLOCK_NAMES } from './labels';
import type {
  SlaResult,
  VolumeChange,
  VolumeIncident,
  VolumeInspectionMonth,
  VolumeReport,
  VolumeTable,
} from './types';

/**
 * The generated contents of a volume from the families' facts and figures: plain data, so the
 * volume's layout never reaches into the reports types.
 */

const REPORT_KIND_NAMES: Readonly<Record<ReportKind, string>> = {
  week: '运维周报',
  month: '运维月报',
  quarter: '季度运维服务报告',
  custom: '专项运维服务报告',
};

const TICKET_TYPE_NAMES: Readonly<Record<string, string>> = {
  incident: '故障',
  'service-request': '服务请求',
  problem: '问题',
  complaint: '投诉',
};

const percent = (value?: number) =>
  value === undefined ? '—' : `${value.toFixed(1)}%`;
const rate = (r: Rate) => `${r.part}/${r.whole}（${percent(r.percent)}）`;
const compliance = (c: ComplianceCounts) =>
  `达标 ${c.met}，超时 ${c.breached}，未结束 ${c.running}（${percent(
    c.percent,
  )}）`;

const inWindow = (instant: string | undefined, window: PeriodWindow) =>
  instant !== undefined &&
  Date.parse(instant) >= Date.parse(window.start) &&
  Date.parse(instant) < Date.parse(window.end);

/** The tables of one issued report: this period beside the previous one. */
export function reportTables(
  current: PeriodFigures,
  previous: PeriodFigures,
): VolumeTable[] {
  const compare = (
    title: string,
    rows: Array<[string, (f: PeriodFigures) => string]>,
  ): VolumeTable => ({
    title,
    columns: ['项目', '本期', '上期'],
    rows: rows.map(([label, of]) => [label, of(current), of(previous)]),
  });
  return [
    compare('服务量', [
      ['合计', f => String(f.tickets.services.total)],
      ...Object.keys(current.tickets.services.byType).map(
        (type): [string, (f: PeriodFigures) => string] => [
          TICKET_TYPE_NAMES[type] ?? type,
          f =>
            String(
              f.tickets.services.byType[
                type as keyof typeof f.tickets.services.byType
              ] ?? 0,
            ),
        ],
      ),
    ]),
    compare('SLA 与处理', [
      ['SLA 总体', f => compliance(f.tickets.compliance.total)],
      ['故障解决率', f => rate(f.tickets.rates.incidentResolution)],
      ['一次解决率', f => rate(f.tickets.rates.firstContactResolution)],
      ['重开率', f => rate(f.tickets.rates.reopen)],
      [
        '满意度',
        f =>
          f.tickets.satisfaction.mean === undefined
            ? `无回访`
            : `${f.tickets.satisfaction.mean.toFixed(2)}（${
                f.tickets.satisfaction.count
              } 次回访）`,
      ],
    ]),
    {
      title: 'SLA 按级别',
      columns: ['时钟', '级别', '达标', '超时', '未结束', '达标率'],
      rows: current.tickets.compliance.byLevel.map(c => [
        CLOCK_NAMES[c.clock],
        c.level,
        String(c.met),
        String(c.breached),
        String(c.running),
        percent(c.percent),
      ]),
    },
    compare('变更', [
      ['提交', f => String(f.tickets.changes.filed)],
      [
        '批准 / 驳回',
        f => `${f.tickets.changes.approved} / ${f.tickets.changes.rejected}`,
      ],
      [
        '成功 / 失败 / 回退',
        f =>
          `${f.tickets.changes.succeeded} / ${f.tickets.changes.failed} / ${f.tickets.changes.rolledBack}`,
      ],
      ['紧急变更', f => String(f.tickets.changes.emergency)],
      ['成功率', f => rate(f.tickets.changes.successRate)],
    ]),
    compare('巡检', [
      [
        '巡检轮次（完成/计划）',
        f => `${f.inspections.roundsDone}/${f.inspections.roundsPlanned}`,
      ],
      [
        '设备覆盖',
        f =>
          `${f.inspections.deviceCoverage.inspected}/${
            f.inspections.deviceCoverage.devices
          }（${percent(f.inspections.deviceCoverage.percent)}）`,
      ],
      ['不合格项', f => String(f.inspections.failedItems)],
      ['发现病毒', f => String(f.inspections.viruses.virusesFound)],
    ]),
  ];
}

/** Each report once: the latest version of each kind, period and scope. */
export function volumeReports(
  reports: readonly IssuedReportWithFigures[],
): VolumeReport[] {
  const latest = new Map<string, IssuedReportWithFigures>();
  for (const report of reports) {
    const key = `${report.kind}|${report.period.from}|${report.period.to}|${
      report.systemRef ?? ''
    }`;
    const seen = latest.get(key);
    if (!seen || seen.version < report.version) latest.set(key, report);
  }
  return [...latest.values()]
    .sort(
      (a, b) =>
        a.period.from.localeCompare(b.period.from) ||
        a.kind.localeCompare(b.kind),
    )
    .map(report => ({
      title: `${REPORT_KIND_NAMES[report.kind]}${
        report.systemRef ? `（${report.systemRef}）` : ''
      }`,
      period: `${report.period.from} 至 ${report.period.to}`,
      version: report.version,
      issuedAt: report.issuedAt,
      tables: reportTables(report.figures.current, report.figures.previous),
    }));
}

/** The changes filed or finished in the quarter, by number. */
export function volumeChanges(
  changes: readonly ChangeFact[],
  window: PeriodWindow,
): VolumeChange[] {
  return changes
    .filter(c => inWindow(c.filedAt, window) || inWindow(c.finishedAt, window))
    .sort((a, b) => a.number.localeCompare(b.number))
    .map(c => ({
      number: c.number,
      title: c.title,
      emergency: c.emergency,
      risk: c.risk,
      filedAt: c.filedAt,
      decision: c.decision,
      outcome: c.outcome,
      finishedAt: c.finishedAt,
    }));
}

/** A clock's result: breached if its target ran out, met if it stopped before, else running. */
export function slaResult(clock: TicketFact['clocks'][number]): SlaResult {
  if (clock.breachedAt) return 'breached';
  return clock.stoppedAt ? 'met' : 'running';
}

/** The incidents reported in the quarter with the result of each SLA clock, by number. */
export function volumeIncidents(
  tickets: readonly TicketFact[],
  window: PeriodWindow,
): VolumeIncident[] {
  return tickets
    .filter(t => t.type === 'incident' && inWindow(t.createdAt, window))
    .sort((a, b) => a.number.localeCompare(b.number))
    .map(t => ({
      number: t.number,
      title: t.title,
      level: t.level,
      createdAt: t.createdAt,
      resolvedAt: t.resolvedAt,
      sla: t.clocks.map(c => ({ clock: c.clock, result: slaResult(c) })),
    }));
}

export function volumeInspectionMonth(
  month: string,
  f: InspectionFigures,
): VolumeInspectionMonth {
  return {
    month,
    roundsPlanned: f.roundsPlanned,
    roundsDone: f.roundsDone,
    devices: f.deviceCoverage.devices,
    inspected: f.deviceCoverage.inspected,
    failedItems: f.failedItems,
    incidentsOpened: f.incidentsOpened,
    virusChecks: f.viruses.checks,
    pcs: f.viruses.pcs,
    infectedPcs: f.viruses.infectedPcs,
    virusesFound: f.viruses.virusesFound,
  };
}
