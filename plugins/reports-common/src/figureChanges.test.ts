import { changes, tickets, ZONE } from './__testUtils__/november';
import { figureChanges, headlineFigures } from './figureChanges';
import { ticketFigures } from './figures';
import { periodWindow } from './period';
import type { InspectionFigures, PeriodFigures } from './report';

const period = { from: '2026-11-01', to: '2026-11-30' };
const window = periodWindow(period, ZONE);

const inspections: InspectionFigures = {
  roundsPlanned: 20,
  roundsDone: 19,
  deviceCoverage: { devices: 88, inspected: 80, percent: (80 / 88) * 100 },
  failedItems: 3,
  incidentsOpened: 2,
  viruses: { checks: 4, pcs: 120, infectedPcs: 1, virusesFound: 2 },
};

function figuresOf(ticketRows = tickets, changeRows = changes): PeriodFigures {
  return {
    period,
    tickets: ticketFigures(ticketRows, changeRows, window),
    inspections,
    kb: { articlesAdded: 4, articlesUpdated: 7, knownErrorsFromProblems: 1 },
  };
}

describe('figureChanges', () => {
  it('finds nothing between equal figures', () => {
    expect(figureChanges(figuresOf(), figuresOf())).toEqual([]);
  });

  it('names each changed figure by its dotted path, rows by their key', () => {
    // A late work log: 30 more minutes by zhang on INC-1 on 3 November.
    const [first, ...rest] = tickets;
    const later = [
      {
        ...first,
        workLogs: [
          ...first.workLogs,
          {
            engineer: 'user:default/zhang',
            minutes: 30,
            workDate: '2026-11-03',
          },
        ],
      },
      ...rest,
    ];
    expect(figureChanges(figuresOf(), figuresOf(later))).toEqual([
      { path: 'tickets.workMinutes.total', before: 1215, after: 1245 },
      {
        path: 'tickets.workMinutes.byEngineer[user:default/zhang].minutes',
        before: 615,
        after: 645,
      },
      { path: 'tickets.workMinutes.byType.incident', before: 825, after: 855 },
      {
        path: 'tickets.workMinutes.bySystem[system:default/trial].minutes',
        before: 1075,
        after: 1105,
      },
    ]);
  });

  it('gives a row that appears or goes as one change', () => {
    // Without INC-8, its breach and its ranking disappear; the counts around them change.
    const without = tickets.filter(t => t.number !== 'INC-2026-00008');
    const found = figureChanges(figuresOf(), figuresOf(without));
    const gone = found.find(
      c =>
        c.path === 'tickets.compliance.breaches[INC-2026-00008/resolution/L1]',
    );
    expect(gone).toMatchObject({
      before: { number: 'INC-2026-00008' },
      after: undefined,
    });
    expect(found).toContainEqual({
      path: 'tickets.compliance.total.breached',
      before: 3,
      after: 2,
    });
    expect(found).toContainEqual({
      path: 'tickets.services.total',
      before: 13,
      after: 12,
    });
    // The other families' figures compare the same way.
    expect(
      figureChanges(
        {
          ...figuresOf(),
          kb: {
            articlesAdded: 1,
            articlesUpdated: 0,
            knownErrorsFromProblems: 0,
          },
        },
        figuresOf(),
      ),
    ).toEqual([
      { path: 'kb.articlesAdded', before: 1, after: 4 },
      { path: 'kb.articlesUpdated', before: 0, after: 7 },
      { path: 'kb.knownErrorsFromProblems', before: 0, after: 1 },
    ]);
  });

  it('notes a percentage that comes or goes', () => {
    const none = figuresOf([], []);
    const found = figureChanges(none, figuresOf());
    expect(found).toContainEqual({
      path: 'tickets.rates.incidentResolution.percent',
      before: undefined,
      after: (5 / 7) * 100,
    });
  });
});

describe('headlineFigures', () => {
  it('reads the tiles’ figures from a period’s figures', () => {
    expect(headlineFigures(figuresOf())).toEqual({
      services: 13,
      incidents: 7,
      compliancePercent: 85,
      breaches: 3,
      runningAtEnd: 2,
      workHours: 1215 / 60,
      incidentResolutionPercent: (5 / 7) * 100,
      firstContactResolutionPercent: (4 / 7) * 100,
      satisfactionMean: 3.8,
      changeSuccessPercent: (1 / 3) * 100,
      roundsDone: 19,
      deviceCoveragePercent: (80 / 88) * 100,
    });
  });
});
