import type {
  IssuedReport,
  PeriodFigures,
  ReportPeriod,
  TicketFact,
  TicketFigures,
} from '@internal/plugin-reports-common';

/** A period's figures with nothing in it; tests set what they look at. */
export function emptyTicketFigures(): TicketFigures {
  const rate = { part: 0, whole: 0 };
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
      incidentResolution: rate,
      problemResolution: rate,
      firstContactResolution: rate,
      reopen: rate,
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
      successRate: rate,
    },
    topDevices: [],
    topSystems: [],
  };
}

export function periodFigures(
  period: ReportPeriod,
  tickets: Partial<TicketFigures>,
): PeriodFigures {
  return {
    period,
    tickets: { ...emptyTicketFigures(), ...tickets },
    inspections: {
      roundsPlanned: 20,
      roundsDone: 19,
      deviceCoverage: { devices: 40, inspected: 38, percent: 95 },
      failedItems: 2,
      incidentsOpened: 1,
      viruses: { checks: 4, pcs: 120, infectedPcs: 1, virusesFound: 3 },
    },
    kb: { articlesAdded: 3, articlesUpdated: 5, knownErrorsFromProblems: 1 },
  };
}

export function ticketFact(
  number: string,
  partial: Partial<TicketFact>,
): TicketFact {
  return {
    id: `id-${number}`,
    number,
    title: `${number} title`,
    type: 'incident',
    channel: 'portal',
    level: 'L3',
    status: 'resolved',
    entityRefs: [],
    systemRefs: ['system:default/trial'],
    createdAt: '2026-11-10T02:00:00.000Z',
    reopenedAt: [],
    reassignments: 0,
    workLogs: [],
    clocks: [],
    ...partial,
  };
}

export function issuedReport(partial: Partial<IssuedReport>): IssuedReport {
  return {
    id: 'r1',
    kind: 'month',
    period: { from: '2026-11-01', to: '2026-11-30' },
    language: 'zh',
    version: 1,
    issuedBy: 'user:default/sunlei',
    issuedAt: '2026-12-01T01:00:00.000Z',
    files: [
      {
        name: 'report.docx',
        mediaType:
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: 1000,
        sha256: 'a'.repeat(64),
      },
      {
        name: 'report.xlsx',
        mediaType:
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: 2000,
        sha256: 'b'.repeat(64),
      },
    ],
    changesFromPrevious: [],
    ...partial,
  };
}
