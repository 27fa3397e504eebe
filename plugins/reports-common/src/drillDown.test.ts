import fc from 'fast-check';
import type { TicketClockFact, TicketFact } from './facts';
import { ticketsCounted, type ReportSelection } from './drillDown';
import { ticketFigures } from './figures';
import { ticketFacts } from './__testUtils__/arbitraries';
import { periodWindow } from './period';

const ZONE = 'Asia/Shanghai';
const november = { from: '2026-11-01', to: '2026-11-30' };
// 2026-10-31T16:00Z … 2026-11-30T16:00Z
const window = periodWindow(november, ZONE);

function clock(partial: Partial<TicketClockFact>): TicketClockFact {
  return {
    clock: 'resolution',
    level: 'L3',
    elapsedMs: 0,
    pausedMs: 0,
    ...partial,
  };
}

function ticket(number: string, partial: Partial<TicketFact>): TicketFact {
  return {
    id: number,
    number,
    title: number,
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

describe('ticketsCounted', () => {
  // Hand-counted: A and B created in November; C in October. A's resolution clock breached in
  // November at L2; B's response met at L3; C's resolution still running; D breached in December.
  const a = ticket('INC-A', {
    level: 'L2',
    systemRefs: ['system:default/trial', 'system:default/network'],
    clocks: [
      clock({
        level: 'L2',
        startedAt: '2026-11-10T02:00:00Z',
        breachedAt: '2026-11-10T06:00:00Z',
      }),
    ],
    workLogs: [
      {
        engineer: 'user:default/wangqiang',
        minutes: 90,
        workDate: '2026-11-10',
      },
    ],
  });
  const b = ticket('SR-B', {
    type: 'service-request',
    clocks: [
      clock({
        clock: 'response',
        startedAt: '2026-11-12T02:00:00Z',
        stoppedAt: '2026-11-12T02:10:00Z',
      }),
    ],
    workLogs: [
      { engineer: 'user:default/lina', minutes: 30, workDate: '2026-12-01' },
    ],
  });
  const c = ticket('INC-C', {
    createdAt: '2026-10-30T02:00:00Z',
    systemRefs: ['system:default/network'],
    clocks: [clock({ startedAt: '2026-10-30T02:00:00Z' })],
    workLogs: [
      { engineer: 'user:default/lina', minutes: 60, workDate: '2026-11-01' },
    ],
  });
  const d = ticket('INC-D', {
    createdAt: '2026-11-29T02:00:00Z',
    clocks: [
      clock({
        startedAt: '2026-11-29T02:00:00Z',
        breachedAt: '2026-12-02T02:00:00Z',
      }),
    ],
  });
  const rows = [a, b, c, d];
  const numbers = (selection: Parameters<typeof ticketsCounted>[1]) =>
    ticketsCounted(rows, selection, window).map(t => t.number);

  it('lists the services created in the period, by type and by system', () => {
    expect(numbers({ figure: 'services' })).toEqual(['INC-A', 'SR-B', 'INC-D']);
    expect(numbers({ figure: 'services', type: 'incident' })).toEqual([
      'INC-A',
      'INC-D',
    ]);
    expect(
      numbers({ figure: 'services', systemRef: 'system:default/network' }),
    ).toEqual(['INC-A']);
  });

  it('lists the tickets behind a compliance count, by clock, level and system', () => {
    expect(numbers({ figure: 'compliance', outcome: 'breached' })).toEqual([
      'INC-A',
    ]);
    expect(
      numbers({ figure: 'compliance', outcome: 'breached', level: 'L3' }),
    ).toEqual([]);
    expect(
      numbers({ figure: 'compliance', outcome: 'met', clock: 'response' }),
    ).toEqual(['SR-B']);
    expect(
      numbers({ figure: 'compliance', outcome: 'met', clock: 'resolution' }),
    ).toEqual([]);
    // D breached only in December, so it was running at November's end, like C.
    expect(numbers({ figure: 'compliance', outcome: 'running' })).toEqual([
      'INC-C',
      'INC-D',
    ]);
    expect(
      numbers({
        figure: 'compliance',
        outcome: 'running',
        systemRef: 'system:default/network',
      }),
    ).toEqual(['INC-C']);
  });

  it('lists the tickets with work dated in the period', () => {
    expect(numbers({ figure: 'work' })).toEqual(['INC-A', 'INC-C']);
    expect(numbers({ figure: 'work', engineer: 'user:default/lina' })).toEqual([
      'INC-C',
    ]);
  });
});

describe('the drill-down and the figures', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };
  const inNovember = periodWindow(period, ZONE);

  it('lists as many tickets as each tile and compliance cell counts', () => {
    fc.assert(
      fc.property(
        ticketFacts({
          fromMs: Date.parse('2026-10-01T00:00:00Z'),
          toMs: Date.parse('2026-12-31T00:00:00Z'),
        })
          // A ticket runs one clock of each name (the generator may repeat one).
          .map(facts =>
            facts.map(fact => ({
              ...fact,
              clocks: fact.clocks.filter(
                (own, i) =>
                  fact.clocks.findIndex(c => c.clock === own.clock) === i,
              ),
            })),
          ),
        tickets => {
          const figures = ticketFigures(tickets, [], inNovember);
          const count = (selection: ReportSelection) =>
            ticketsCounted(tickets, selection, inNovember).length;
          expect(count({ figure: 'services' })).toBe(figures.services.total);
          for (const row of figures.services.bySystem) {
            expect(
              count({ figure: 'services', systemRef: row.systemRef }),
            ).toBe(row.count);
          }
          // One clock of each name per ticket, so a level × clock cell counts tickets.
          for (const row of figures.compliance.byLevel) {
            for (const outcome of ['met', 'breached', 'running'] as const) {
              expect(
                count({
                  figure: 'compliance',
                  outcome,
                  clock: row.clock,
                  level: row.level,
                }),
              ).toBe(row[outcome]);
            }
          }
          for (const row of figures.compliance.bySystem) {
            expect(
              count({
                figure: 'compliance',
                outcome: 'breached',
                clock: row.clock,
                systemRef: row.systemRef,
              }),
            ).toBe(row.breached);
          }
        },
      ),
    );
  });
});
