import { ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  InspectionFigures,
  KbFigures,
  SparesFigures,
  periodWindow,
  ReportPeriod,
  TicketFact,
  ticketFigures,
  TicketFiguresOnly,
  TicketFiguresResponse,
} from '@internal/plugin-reports-common';
import { FigureSources } from '../service/FigureSources';

const NETWORK = 'system:default/network';
const CASES = 'system:default/case-management';

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

/** The ticket figures of a period in which nothing happened. */
export function quietTicketFigures() {
  return ticketFigures([], [], periodWindow(NOVEMBER.period, 'Asia/Shanghai'));
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

export const SPARES: SparesFigures = {
  partsUsed: {
    total: 5,
    byMonth: [{ month: '2026-11', quantity: 5 }],
    bySystem: [
      { system: 'system:default/network', quantity: 3 },
      { system: '', quantity: 2 },
    ],
  },
  repairTurnaround: [
    {
      vendorId: 'reach',
      vendorName: '锐取 Reach',
      returned: 2,
      averageDays: 4.5,
      longestDays: 6,
    },
  ],
  repeatedRepairs: [
    { deviceRef: 'resource:default/core-switch-1', repairs: 2 },
  ],
};

/**
 * The families' figures from the fixture months (a quiet period otherwise); `late` adds a
 * ticket logged after a report was issued, for reissue tests. Every call is recorded.
 */
export class FixtureFigureSources implements FigureSources {
  readonly calls: string[] = [];
  /** The tickets backend is down: its figures answer 503. */
  ticketsDown = false;
  /** The portal runs without the spares plugin. */
  sparesAbsent = false;
  private readonly months = [NOVEMBER, OCTOBER].map(m => ({
    period: m.period,
    tickets: [...m.tickets],
  }));

  /** A ticket logged after a report was issued. */
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
    return this.answer(period, systemRef);
  }

  private answer(
    period: ReportPeriod,
    systemRef?: string,
  ): TicketFiguresResponse {
    if (this.ticketsDown) {
      throw new ServiceUnavailableError(
        'the tickets figures are not available',
      );
    }
    const month = this.months.find(
      m => m.period.from === period.from && m.period.to === period.to,
    );
    const tickets = (month?.tickets ?? []).filter(
      t => !systemRef || t.systemRefs.includes(systemRef),
    );
    return {
      period,
      ...(systemRef ? { systemRef } : {}),
      // The family computes its figures with the shared maths; the counts are checked by hand.
      figures: ticketFigures(
        tickets,
        [],
        periodWindow(period, 'Asia/Shanghai'),
      ),
      tickets,
      changes: [],
    };
  }

  async ticketFigures(
    period: ReportPeriod,
    systemRef?: string,
  ): Promise<TicketFiguresOnly> {
    this.calls.push(
      `ticket figures ${period.from}..${period.to} ${systemRef ?? ''}`,
    );
    const { tickets, changes, ...figuresOnly } = this.answer(period, systemRef);
    return figuresOnly;
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

  async spares(period: ReportPeriod) {
    this.calls.push(`spares ${period.from}..${period.to}`);
    return this.sparesAbsent ? undefined : SPARES;
  }
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
