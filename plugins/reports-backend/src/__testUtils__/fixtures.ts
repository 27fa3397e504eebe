import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  InspectionFigures,
  KbFigures,
  ReportPeriod,
  TicketFact,
  TicketFigures,
  TicketFiguresResponse,
} from '@internal/plugin-reports-common';
import { FigureSources } from '../service/FigureSources';
import { RenderedFile, ReportFilesInput } from '../service/renderer';

const NETWORK = 'system:default/network';
const CASES = 'system:default/case-management';

/** Figures of a period in which nothing happened. */
export function quietTicketFigures(): TicketFigures {
  const none = { part: 0, whole: 0 };
  return {
    services: {
      total: 0,
      byType: { incident: 0, 'service-request': 0, problem: 0, complaint: 0 },
      byCategory: {
        install: 0,
        configure: 0,
        training: 0,
        'data-adjustment': 0,
        'demo-support': 0,
        'spare-part': 0,
      },
      byChannel: { portal: 0, phone: 0, monitoring: 0, inspection: 0 },
      bySystem: [],
    },
    times: [],
    compliance: {
      total: { met: 0, breached: 0, running: 0 },
      byLevel: [],
      bySystem: [],
      breaches: [],
    },
    workMinutes: {
      total: 0,
      byEngineer: [],
      byType: {
        incident: 0,
        'service-request': 0,
        problem: 0,
        complaint: 0,
        change: 0,
      },
      bySystem: [],
    },
    rates: {
      incidentResolution: none,
      problemResolution: none,
      firstContactResolution: none,
      reopen: none,
    },
    satisfaction: {
      count: 0,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    },
    changes: {
      filed: 0,
      approved: 0,
      rejected: 0,
      succeeded: 0,
      failed: 0,
      rolledBack: 0,
      emergency: 0,
      successRate: none,
    },
    topDevices: [],
    topSystems: [],
  };
}

function ticket(
  number: string,
  type: TicketFact['type'],
  createdAt: string,
  systemRefs: string[],
): TicketFact {
  return {
    id: number.toLowerCase(),
    number,
    title: `${number} 故障`,
    type,
    channel: 'phone',
    level: 'L3',
    status: 'closed',
    entityRefs: [],
    systemRefs,
    createdAt,
    reopenedAt: [],
    reassignments: 0,
    workLogs: [],
    clocks: [],
  };
}

/**
 * November 2026, counted by hand: INC-1 (network and case management, 11-03) and SR-1 (network,
 * 11-20) were filed; so 2 services, 1 incident and 1 service request; network 2, case
 * management 1. October had one incident (INC-0, network, 10-15).
 */
export const NOVEMBER = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  tickets: [
    ticket('INC-2026-00001', 'incident', '2026-11-03T02:00:00.000Z', [
      NETWORK,
      CASES,
    ]),
    ticket('SR-2026-00001', 'service-request', '2026-11-20T06:30:00.000Z', [
      NETWORK,
    ]),
  ],
};
export const OCTOBER = {
  period: { from: '2026-10-01', to: '2026-10-31' },
  tickets: [
    ticket('INC-2026-00000', 'incident', '2026-10-15T01:00:00.000Z', [NETWORK]),
  ],
};

const quiet = quietTicketFigures();

/** The hand-counted figures of a fixture month, for the court or one system. */
function figuresOf(
  tickets: readonly TicketFact[],
  systemRef?: string,
): TicketFigures {
  const counted = systemRef
    ? tickets.filter(t => t.systemRefs.includes(systemRef))
    : tickets;
  const byType = { ...quiet.services.byType };
  for (const t of counted) byType[t.type]++;
  const bySystem = new Map<string, number>();
  for (const t of counted) {
    for (const s of t.systemRefs) bySystem.set(s, (bySystem.get(s) ?? 0) + 1);
  }
  return {
    ...quiet,
    services: {
      ...quiet.services,
      total: counted.length,
      byType,
      bySystem: [...bySystem]
        .sort((a, b) => b[1] - a[1])
        .map(([ref, count]) => ({ systemRef: ref, count })),
    },
  };
}

export const INSPECTIONS: InspectionFigures = {
  roundsPlanned: 21,
  roundsDone: 20,
  deviceCoverage: { devices: 88, inspected: 80, percent: 90.9 },
  failedItems: 3,
  incidentsOpened: 2,
  viruses: { checks: 4, pcs: 120, infectedPcs: 1, virusesFound: 2 },
};

export const KB: KbFigures = {
  articlesAdded: 5,
  articlesUpdated: 7,
  knownErrorsFromProblems: 1,
};

/**
 * The families' figures from the fixture months (a quiet period otherwise); `late` adds a
 * ticket logged after a report was issued, for reissue tests. Every call is recorded.
 */
export class FixtureFigureSources implements FigureSources {
  readonly calls: string[] = [];
  private readonly months = [NOVEMBER, OCTOBER].map(m => ({
    period: m.period,
    tickets: [...m.tickets],
  }));

  late(fact: TicketFact) {
    this.months
      .find(m => fact.createdAt.startsWith(m.period.from.slice(0, 7)))!
      .tickets.push(fact);
  }

  async tickets(
    period: ReportPeriod,
    systemRef?: string,
  ): Promise<TicketFiguresResponse> {
    this.calls.push(`tickets ${period.from}..${period.to} ${systemRef ?? ''}`);
    const month = this.months.find(
      m => m.period.from === period.from && m.period.to === period.to,
    );
    const tickets = (month?.tickets ?? []).filter(
      t => !systemRef || t.systemRefs.includes(systemRef),
    );
    return {
      period,
      ...(systemRef ? { systemRef } : {}),
      figures: figuresOf(tickets, systemRef),
      tickets,
      changes: [],
    };
  }

  async inspections(period: ReportPeriod, systemRef?: string) {
    this.calls.push(
      `inspections ${period.from}..${period.to} ${systemRef ?? ''}`,
    );
    return INSPECTIONS;
  }

  async kb(period: ReportPeriod, systemRef?: string) {
    this.calls.push(`kb ${period.from}..${period.to} ${systemRef ?? ''}`);
    return KB;
  }
}

/**
 * Stands in for the Word and Excel renderer until it lands: deterministic bytes from what a
 * file is made of, so a test sees which version and figures a file was rendered from.
 */
export async function fakeRenderer(
  input: ReportFilesInput,
): Promise<RenderedFile[]> {
  const text = JSON.stringify({
    version: input.version,
    language: input.language,
    issuedBy: input.issuedBy,
    court: input.court,
    total: input.figures.current.tickets.services.total,
    tickets: input.tickets.map(t => t.number),
  });
  return [
    {
      name: 'report.docx',
      mediaType:
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: Buffer.from(`docx ${text}`),
    },
    {
      name: 'report.xlsx',
      mediaType:
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: Buffer.from(`xlsx ${text}`),
    },
  ];
}

/** The catalog the tests see: two systems and a device. */
export const ENTITIES: NonNullable<
  Parameters<typeof catalogServiceMock>[0]
>['entities'] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'network', namespace: 'default' },
    spec: { owner: 'group:default/hardware-post' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'case-management', namespace: 'default' },
    spec: { owner: 'group:default/software-post' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-1', namespace: 'default' },
    spec: {
      type: 'switch',
      owner: 'group:default/hardware-post',
      system: 'network',
    },
  },
];

export { NETWORK, CASES, ticket };
