import type {
  IssuedReportWithFigures,
  PeriodFigures,
  TicketFigures,
} from '@internal/plugin-reports-common';
import { slaResult, volumeReports } from './generated';

const rate = (part: number, whole: number) => ({
  part,
  whole,
  percent: whole ? (100 * part) / whole : undefined,
});

/** Figures where every count is `n`, enough to tell two periods apart. */
function figures(n: number): PeriodFigures {
  const counts = {
    met: n,
    breached: 1,
    running: 0,
    percent: (100 * n) / (n + 1),
  };
  const tickets = {
    services: {
      total: 4 * n,
      byType: { incident: n, 'service-request': n, problem: n, complaint: n },
      byCategory: {},
      byChannel: {},
      bySystem: [],
    },
    times: [],
    compliance: {
      total: counts,
      byLevel: [{ clock: 'response', level: 'L2', ...counts }],
      bySystem: [],
      breaches: [],
    },
    workMinutes: { total: 0, byEngineer: [], byType: {}, bySystem: [] },
    rates: {
      incidentResolution: rate(n, n),
      problemResolution: rate(0, 0),
      firstContactResolution: rate(n - 1, n),
      reopen: rate(0, n),
    },
    satisfaction: { count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    changes: {
      filed: n,
      approved: n,
      rejected: 0,
      succeeded: n,
      failed: 0,
      rolledBack: 0,
      emergency: 0,
      successRate: rate(n, n),
    },
    topDevices: [],
    topSystems: [],
  } as unknown as TicketFigures; // the records by category and channel are not in the volume
  return {
    period: { from: '2026-10-01', to: '2026-12-31' },
    tickets,
    inspections: {
      roundsPlanned: 66,
      roundsDone: 60 + n,
      deviceCoverage: { devices: 88, inspected: 80, percent: 90.9 },
      failedItems: n,
      incidentsOpened: 0,
      viruses: { checks: 12, pcs: 300, infectedPcs: 0, virusesFound: n },
    },
    kb: { articlesAdded: 0, articlesUpdated: 0, knownErrorsFromProblems: 0 },
  };
}

const report = (version: number, current: number): IssuedReportWithFigures => ({
  id: `r${version}`,
  kind: 'quarter',
  period: { from: '2026-10-01', to: '2026-12-31' },
  language: 'zh',
  version,
  issuedBy: 'user:default/liuyang',
  issuedAt: '2027-01-04T02:00:00Z',
  files: [],
  changesFromPrevious: [],
  figures: {
    kind: 'quarter',
    zone: 'Asia/Shanghai',
    current: figures(current),
    previous: figures(2),
  },
});

describe('volumeReports', () => {
  it('binds the latest version of a report, its figures beside the previous period', () => {
    const [bound, ...rest] = volumeReports([report(2, 9), report(1, 5)]);
    expect(rest).toEqual([]);
    expect(bound.title).toBe('季度运维服务报告');
    expect(bound.version).toBe(2);
    const services = bound.tables.find(t => t.title === '服务量')!;
    expect(services.columns).toEqual(['项目', '本期', '上期']);
    expect(services.rows).toEqual([
      ['合计', '36', '8'],
      ['故障', '9', '2'],
      ['服务请求', '9', '2'],
      ['问题', '9', '2'],
      ['投诉', '9', '2'],
    ]);
    expect(bound.tables.find(t => t.title === 'SLA 按级别')!.rows).toEqual([
      ['响应', 'L2', '9', '1', '0', '90.0%'],
    ]);
    expect(bound.tables.find(t => t.title === '变更')!.rows[4]).toEqual([
      '成功率',
      '9/9（100.0%）',
      '2/2（100.0%）',
    ]);
    expect(bound.tables.find(t => t.title === 'SLA 与处理')!.rows[4]).toEqual([
      '满意度',
      '无回访',
      '无回访',
    ]);
  });
});

describe('slaResult', () => {
  const clock = {
    clock: 'resolution' as const,
    level: 'L2' as const,
    elapsedMs: 0,
    pausedMs: 0,
  };
  it('is breached once the target ran out, even if the clock stopped later', () => {
    expect(slaResult({ ...clock, stoppedAt: 'b', breachedAt: 'a' })).toBe(
      'breached',
    );
    expect(slaResult({ ...clock, stoppedAt: 'b' })).toBe('met');
    expect(slaResult(clock)).toBe('running');
  });
});
