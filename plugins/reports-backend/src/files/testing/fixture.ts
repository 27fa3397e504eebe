import type {
  ChangeFact,
  PeriodFigures,
  ReportFigures,
  TicketFact,
  TicketFigures,
} from '@internal/plugin-reports-common';
import type { ReportFilesInput } from '../types';

/**
 * November 2026 at a court, by hand. The figures are a plain object (the files render figures,
 * they do not compute them); the services and the breaches agree with the facts below, so the
 * workbook's raw rows can be recounted to them:
 *
 * services (created 2026-11-01 00:00 to 2026-12-01 00:00 Beijing time): INC-101, INC-102,
 *   REQ-103 (created 2026-10-31T17:00Z = 1 November 01:00 in Beijing), PRB-104, CMP-105 → 5;
 *   INC-099 was created 31 October 23:00 in Beijing and is not a November service.
 * breaches in November: INC-102 response (10 Nov), INC-099 resolution (1 Nov) → 2.
 * clocks ending in November: met INC-101 ×3, INC-102 arrival and resolution, REQ-103 response
 *   → 6; breached 2; running REQ-103 resolution → 1; 6 / 8 = 75.0 %.
 */

const TRIAL = 'system:default/trial-system';
const FILING = 'system:default/case-filing';
const OFFICE = 'system:default/office-automation';

function counts(
  total: number,
  byType: TicketFigures['services']['byType'],
  byChannel: TicketFigures['services']['byChannel'],
  bySystem: TicketFigures['services']['bySystem'],
): TicketFigures['services'] {
  return {
    total,
    byType,
    byCategory: {
      install: byType['service-request'],
      configure: 0,
      training: 0,
      'data-adjustment': 0,
      'demo-support': 0,
      'spare-part': 0,
    },
    byChannel,
    bySystem,
  };
}

const november: PeriodFigures = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  tickets: {
    services: counts(
      5,
      { incident: 2, 'service-request': 1, problem: 1, complaint: 1 },
      { portal: 2, phone: 2, monitoring: 1, inspection: 0 },
      [
        { systemRef: TRIAL, count: 3 },
        { systemRef: FILING, count: 1 },
        { systemRef: OFFICE, count: 1 },
      ],
    ),
    times: [
      {
        clock: 'response',
        level: 'L1',
        elapsed: {
          count: 1,
          meanMs: 1_200_000,
          medianMs: 1_200_000,
          p90Ms: 1_200_000,
          maxMs: 1_200_000,
        },
        pausedMs: 0,
      },
      {
        clock: 'response',
        level: 'L2',
        elapsed: {
          count: 1,
          meanMs: 600_000,
          medianMs: 600_000,
          p90Ms: 600_000,
          maxMs: 600_000,
        },
        pausedMs: 0,
      },
      {
        clock: 'response',
        level: 'L3',
        elapsed: {
          count: 1,
          meanMs: 1_500_000,
          medianMs: 1_500_000,
          p90Ms: 1_500_000,
          maxMs: 1_500_000,
        },
        pausedMs: 0,
      },
      {
        clock: 'arrival',
        level: 'L1',
        elapsed: {
          count: 1,
          meanMs: 1_800_000,
          medianMs: 1_800_000,
          p90Ms: 1_800_000,
          maxMs: 1_800_000,
        },
        pausedMs: 0,
      },
      {
        clock: 'arrival',
        level: 'L2',
        elapsed: {
          count: 1,
          meanMs: 2_700_000,
          medianMs: 2_700_000,
          p90Ms: 2_700_000,
          maxMs: 2_700_000,
        },
        pausedMs: 0,
      },
      {
        clock: 'resolution',
        level: 'L1',
        elapsed: {
          count: 1,
          meanMs: 7_200_000,
          medianMs: 7_200_000,
          p90Ms: 7_200_000,
          maxMs: 7_200_000,
        },
        pausedMs: 0,
      },
      {
        clock: 'resolution',
        level: 'L2',
        elapsed: {
          count: 2,
          meanMs: 19_800_000,
          medianMs: 19_800_000,
          p90Ms: 28_080_000,
          maxMs: 30_600_000,
        },
        pausedMs: 5_400_000,
      },
    ],
    compliance: {
      total: { met: 6, breached: 2, running: 1, percent: 75 },
      byLevel: [
        {
          clock: 'response',
          level: 'L1',
          met: 0,
          breached: 1,
          running: 0,
          percent: 0,
        },
        {
          clock: 'response',
          level: 'L2',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          clock: 'response',
          level: 'L3',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          clock: 'arrival',
          level: 'L1',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          clock: 'arrival',
          level: 'L2',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          clock: 'resolution',
          level: 'L1',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          clock: 'resolution',
          level: 'L2',
          met: 1,
          breached: 1,
          running: 0,
          percent: 50,
        },
        { clock: 'resolution', level: 'L3', met: 0, breached: 0, running: 1 },
      ],
      bySystem: [
        {
          systemRef: TRIAL,
          clock: 'response',
          met: 1,
          breached: 1,
          running: 0,
          percent: 50,
        },
        {
          systemRef: TRIAL,
          clock: 'arrival',
          met: 2,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          systemRef: TRIAL,
          clock: 'resolution',
          met: 2,
          breached: 1,
          running: 0,
          percent: 66.66666666666667,
        },
        {
          systemRef: FILING,
          clock: 'response',
          met: 0,
          breached: 1,
          running: 0,
          percent: 0,
        },
        {
          systemRef: FILING,
          clock: 'arrival',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          systemRef: FILING,
          clock: 'resolution',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          systemRef: OFFICE,
          clock: 'response',
          met: 1,
          breached: 0,
          running: 0,
          percent: 100,
        },
        {
          systemRef: OFFICE,
          clock: 'resolution',
          met: 0,
          breached: 0,
          running: 1,
        },
      ],
      breaches: [
        {
          ticketId: 't-099',
          number: 'INC-2026-00099',
          title: '第三审判庭录音录像主机无法启动',
          clock: 'resolution',
          level: 'L2',
          systemRefs: [TRIAL],
          breachedAt: '2026-11-01T03:00:00Z',
        },
        {
          ticketId: 't-102',
          number: 'INC-2026-00102',
          title: '立案系统数据库连接中断',
          clock: 'response',
          level: 'L1',
          systemRefs: [TRIAL, FILING],
          breachedAt: '2026-11-10T06:15:00Z',
        },
      ],
    },
    workMinutes: {
      total: 1_845,
      byEngineer: [
        { engineer: 'user:default/zhang.wei', minutes: 1_125 },
        { engineer: 'user:default/li.na', minutes: 720 },
      ],
      byType: {
        incident: 900,
        'service-request': 285,
        problem: 300,
        complaint: 0,
        change: 360,
      },
      bySystem: [
        { systemRef: TRIAL, minutes: 1_200 },
        { systemRef: FILING, minutes: 600 },
        { systemRef: OFFICE, minutes: 285 },
      ],
    },
    rates: {
      incidentResolution: { part: 2, whole: 2, percent: 100 },
      problemResolution: { part: 1, whole: 1, percent: 100 },
      firstContactResolution: { part: 1, whole: 2, percent: 50 },
      reopen: { part: 0, whole: 2, percent: 0 },
    },
    satisfaction: {
      count: 2,
      mean: 4.5,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
    },
    changes: {
      filed: 2,
      approved: 1,
      rejected: 0,
      succeeded: 1,
      failed: 0,
      rolledBack: 1,
      emergency: 1,
      successRate: { part: 1, whole: 2, percent: 50 },
    },
    topDevices: [
      { entityRef: 'resource:default/court3-av-host', incidents: 2 },
      { entityRef: 'resource:default/filing-db-01', incidents: 1 },
    ],
    topSystems: [
      { systemRef: TRIAL, incidents: 2 },
      { systemRef: FILING, incidents: 1 },
    ],
  },
  inspections: {
    roundsPlanned: 42,
    roundsDone: 41,
    deviceCoverage: { devices: 88, inspected: 86, percent: 97.72727272727273 },
    failedItems: 3,
    incidentsOpened: 2,
    viruses: { checks: 4, pcs: 312, infectedPcs: 2, virusesFound: 5 },
  },
  kb: { articlesAdded: 6, articlesUpdated: 9, knownErrorsFromProblems: 1 },
  spares: {
    partsUsed: {
      total: 7,
      byMonth: [{ month: '2026-11', quantity: 7 }],
      bySystem: [
        { system: TRIAL, quantity: 4 },
        { system: FILING, quantity: 2 },
        { system: '', quantity: 1 },
      ],
    },
    repairTurnaround: [
      {
        vendorId: 'reach',
        vendorName: '锐取 Reach',
        returned: 2,
        averageDays: 5.5,
        longestDays: 8,
      },
    ],
    repeatedRepairs: [
      { deviceRef: 'resource:default/court3-av-host', repairs: 2 },
    ],
  },
};

const october: PeriodFigures = {
  period: { from: '2026-10-01', to: '2026-10-31' },
  tickets: {
    ...november.tickets,
    services: counts(
      4,
      { incident: 3, 'service-request': 1, problem: 0, complaint: 0 },
      { portal: 1, phone: 2, monitoring: 1, inspection: 0 },
      [
        { systemRef: TRIAL, count: 2 },
        { systemRef: 'system:default/enforcement', count: 2 },
      ],
    ),
    compliance: {
      ...november.tickets.compliance,
      total: { met: 9, breached: 1, running: 2, percent: 90 },
      breaches: [],
    },
    workMinutes: { ...november.tickets.workMinutes, total: 1_500 },
    topDevices: [
      { entityRef: 'resource:default/court3-av-host', incidents: 1 },
    ],
  },
  inspections: { ...november.inspections, roundsPlanned: 44, roundsDone: 44 },
  kb: { articlesAdded: 3, articlesUpdated: 4, knownErrorsFromProblems: 0 },
  // October's report was made before the spares plugin was installed: no spares figures.
};

export const fixtureFigures: ReportFigures = {
  kind: 'month',
  zone: 'Asia/Shanghai',
  current: november,
  previous: october,
};

type ClockFact = TicketFact['clocks'][number];

function ticket(
  fact: Partial<TicketFact> &
    Pick<TicketFact, 'id' | 'number' | 'title' | 'type' | 'createdAt'>,
): TicketFact {
  return {
    channel: 'portal',
    level: 'L3',
    status: 'closed',
    entityRefs: [],
    systemRefs: [],
    reopenedAt: [],
    reassignments: 0,
    workLogs: [],
    clocks: [],
    ...fact,
  };
}

const met = (
  clock: ClockFact['clock'],
  level: ClockFact['level'],
  startedAt: string,
  stoppedAt: string,
  pausedMs = 0,
): ClockFact => ({
  clock,
  level,
  startedAt,
  stoppedAt,
  elapsedMs: Date.parse(stoppedAt) - Date.parse(startedAt) - pausedMs,
  pausedMs,
});

export const fixtureTickets: readonly TicketFact[] = [
  ticket({
    id: 't-099',
    number: 'INC-2026-00099',
    title: '第三审判庭录音录像主机无法启动',
    type: 'incident',
    channel: 'phone',
    level: 'L2',
    status: 'resolved',
    entityRefs: ['resource:default/court3-av-host'],
    systemRefs: [TRIAL],
    createdAt: '2026-10-31T15:00:00Z',
    resolvedAt: '2026-11-01T07:30:00Z',
    clocks: [
      {
        ...met(
          'resolution',
          'L2',
          '2026-10-31T15:00:00Z',
          '2026-11-01T07:30:00Z',
          5_400_000,
        ),
        breachedAt: '2026-11-01T03:00:00Z',
      },
    ],
    workLogs: [
      {
        engineer: 'user:default/zhang.wei',
        minutes: 240,
        workDate: '2026-11-01',
      },
    ],
  }),
  ticket({
    id: 't-101',
    number: 'INC-2026-00101',
    title: '第一审判庭话筒无声',
    type: 'incident',
    channel: 'phone',
    level: 'L2',
    entityRefs: ['resource:default/court1-mic'],
    systemRefs: [TRIAL],
    assignee: 'user:default/zhang.wei',
    createdAt: '2026-11-03T01:10:00Z',
    arrivedAt: '2026-11-03T01:55:00Z',
    resolvedAt: '2026-11-03T09:40:00Z',
    closedAt: '2026-11-04T01:00:00Z',
    satisfaction: 5,
    calledBackAt: '2026-11-04T01:00:00Z',
    clocks: [
      met('response', 'L2', '2026-11-03T01:10:00Z', '2026-11-03T01:20:00Z'),
      met('arrival', 'L2', '2026-11-03T01:10:00Z', '2026-11-03T01:55:00Z'),
      met('resolution', 'L2', '2026-11-03T01:55:00Z', '2026-11-03T09:40:00Z'),
    ],
    workLogs: [
      {
        engineer: 'user:default/zhang.wei',
        minutes: 420,
        workDate: '2026-11-03',
      },
    ],
  }),
  ticket({
    id: 't-102',
    number: 'INC-2026-00102',
    title: '立案系统数据库连接中断',
    type: 'incident',
    channel: 'monitoring',
    level: 'L1',
    entityRefs: ['resource:default/filing-db-01'],
    systemRefs: [TRIAL, FILING],
    assignee: 'user:default/li.na',
    createdAt: '2026-11-10T06:00:00Z',
    arrivedAt: '2026-11-10T06:30:00Z',
    resolvedAt: '2026-11-10T08:30:00Z',
    closedAt: '2026-11-11T02:00:00Z',
    reassignments: 1,
    satisfaction: 4,
    calledBackAt: '2026-11-11T02:00:00Z',
    clocks: [
      {
        ...met(
          'response',
          'L1',
          '2026-11-10T06:00:00Z',
          '2026-11-10T06:20:00Z',
        ),
        breachedAt: '2026-11-10T06:15:00Z',
      },
      met('arrival', 'L1', '2026-11-10T06:00:00Z', '2026-11-10T06:30:00Z'),
      met('resolution', 'L1', '2026-11-10T06:30:00Z', '2026-11-10T08:30:00Z'),
    ],
    workLogs: [
      { engineer: 'user:default/li.na', minutes: 180, workDate: '2026-11-10' },
      {
        engineer: 'user:default/zhang.wei',
        minutes: 60,
        workDate: '2026-11-10',
      },
    ],
  }),
  ticket({
    id: 't-103',
    number: 'REQ-2026-00103',
    title: '为执行局新进人员安装办公软件',
    type: 'service-request',
    category: 'install',
    level: 'L3',
    status: 'in-progress',
    systemRefs: [OFFICE],
    assignee: 'user:default/zhang.wei',
    createdAt: '2026-10-31T17:00:00Z',
    clocks: [
      met('response', 'L3', '2026-10-31T17:00:00Z', '2026-10-31T17:25:00Z'),
      {
        clock: 'resolution',
        level: 'L3',
        startedAt: '2026-10-31T17:25:00Z',
        elapsedMs: 86_400_000,
        pausedMs: 0,
      },
    ],
    workLogs: [
      {
        engineer: 'user:default/zhang.wei',
        minutes: 285,
        workDate: '2026-11-02',
      },
    ],
  }),
  ticket({
    id: 't-104',
    number: 'PRB-2026-00104',
    title: '庭审录像周期性丢帧',
    type: 'problem',
    level: 'L3',
    systemRefs: [TRIAL],
    assignee: 'user:default/li.na',
    createdAt: '2026-11-20T02:00:00Z',
    resolvedAt: '2026-11-26T02:00:00Z',
    knownErrorArticle: 'KB-0042',
    workLogs: [
      { engineer: 'user:default/li.na', minutes: 300, workDate: '2026-11-24' },
    ],
  }),
  ticket({
    id: 't-105',
    number: 'CMP-2026-00105',
    title: '对上门服务时间的投诉',
    type: 'complaint',
    channel: 'phone',
    level: 'L4',
    status: 'new',
    createdAt: '2026-11-28T08:00:00Z',
  }),
];

export const fixtureChanges: readonly ChangeFact[] = [
  {
    id: 'c-201',
    number: 'CHG-2026-00201',
    title: '审判系统数据库补丁升级',
    status: 'succeeded',
    emergency: false,
    risk: 'medium',
    entityRefs: ['resource:default/filing-db-01'],
    systemRefs: [TRIAL],
    filedAt: '2026-11-05T02:00:00Z',
    decision: 'approved',
    decidedAt: '2026-11-06T02:00:00Z',
    outcome: 'succeeded',
    finishedAt: '2026-11-14T14:00:00Z',
    workLogs: [
      { engineer: 'user:default/li.na', minutes: 240, workDate: '2026-11-14' },
    ],
  },
  {
    id: 'c-202',
    number: 'CHG-2026-00202',
    title: '紧急更换立案大厅交换机',
    status: 'rolled-back',
    emergency: true,
    risk: 'high',
    entityRefs: [],
    systemRefs: [FILING],
    filedAt: '2026-11-18T03:00:00Z',
    outcome: 'rolled-back',
    finishedAt: '2026-11-18T05:00:00Z',
    workLogs: [
      {
        engineer: 'user:default/zhang.wei',
        minutes: 120,
        workDate: '2026-11-18',
      },
    ],
  },
];

export const fixtureCourt = {
  name: '江州市中级人民法院',
  contractor: '江州信源信息技术服务有限公司',
};

export function fixtureInput(
  overrides: Partial<ReportFilesInput> = {},
): ReportFilesInput {
  return {
    figures: fixtureFigures,
    tickets: fixtureTickets,
    changes: fixtureChanges,
    language: 'zh',
    version: 1,
    issuedBy: 'user:default/wang.fang',
    issuedAt: '2026-12-01T01:30:00Z',
    court: fixtureCourt,
    ...overrides,
  };
}
