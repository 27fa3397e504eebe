import {
  SERVICE_REQUEST_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_TYPES,
} from '@internal/plugin-tickets-common';
import type {
  PeriodFigures,
  ReportFigures,
  ReportKind,
  ReportPeriod,
} from '@internal/plugin-reports-common';

/** Zero for each key: the breakdowns a draft does not show. */
function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map(key => [key, 0])) as Record<K, number>;
}

/** A period's figures as the reports API answers them, with `total` tickets and the rest derived. */
export function periodFigures(
  period: ReportPeriod,
  total: number,
): PeriodFigures {
  const incidents = Math.floor(total / 2);
  const zero = { incident: 0, problem: 0, 'service-request': 0, complaint: 0 };
  return {
    period,
    tickets: {
      services: {
        total,
        byType: {
          ...zero,
          incident: incidents,
          'service-request': total - incidents,
        },
        byCategory: zeros(SERVICE_REQUEST_CATEGORIES),
        byChannel: zeros(TICKET_CHANNELS),
        bySystem: [],
      },
      times: [],
      compliance: {
        total: {
          met: total - 1,
          breached: 1,
          running: 0,
          percent: ((total - 1) / total) * 100,
        },
        byLevel: [],
        bySystem: [],
        breaches: [],
      },
      workMinutes: {
        total: 0,
        byEngineer: [],
        byType: zeros(TICKET_TYPES),
        bySystem: [],
      },
      rates: {
        incidentResolution: { part: incidents, whole: incidents, percent: 100 },
        problemResolution: { part: 0, whole: 0 },
        firstContactResolution: { part: 0, whole: 0 },
        reopen: { part: 0, whole: total, percent: 0 },
      },
      satisfaction: {
        count: 4,
        mean: 4.75,
        distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 3 },
      },
      changes: {
        filed: 3,
        approved: 3,
        rejected: 0,
        succeeded: 2,
        failed: 1,
        rolledBack: 0,
        emergency: 0,
        successRate: { part: 2, whole: 3, percent: (2 / 3) * 100 },
      },
      topDevices: [],
      topSystems: [],
    },
    inspections: {
      roundsPlanned: 22,
      roundsDone: 21,
      deviceCoverage: { devices: 88, inspected: 86, percent: (86 / 88) * 100 },
      failedItems: 5,
      incidentsOpened: 2,
      viruses: { checks: 4, pcs: 300, infectedPcs: 1, virusesFound: 3 },
    },
    kb: { articlesAdded: 1, articlesUpdated: 2, knownErrorsFromProblems: 0 },
  };
}

export function reportFigures(
  kind: ReportKind,
  current: ReportPeriod,
  previous: ReportPeriod,
  totals: { current: number; previous: number },
): ReportFigures {
  return {
    kind,
    zone: 'Asia/Shanghai',
    current: periodFigures(current, totals.current),
    previous: periodFigures(previous, totals.previous),
  };
}
