import fc from 'fast-check';
import type { TicketClockFact, TicketFact } from './facts';
import { clockOutcome, ticketsCounted } from './drillDown';
import { periodOf, periodWindow } from './period';

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

describe('clockOutcome', () => {
  it.each([
    // Stopped in November before any breach: met.
    [
      'met',
      { startedAt: '2026-11-02T01:00:00Z', stoppedAt: '2026-11-02T03:00:00Z' },
    ],
    // Stopped at 23:59 Beijing on 30 November (15:59Z): still November.
    [
      'met',
      { startedAt: '2026-11-30T15:00:00Z', stoppedAt: '2026-11-30T15:59:59Z' },
    ],
    // Stopped at 00:00 Beijing on 1 December (16:00Z): December, so still running at November's end.
    [
      'running',
      { startedAt: '2026-11-30T15:00:00Z', stoppedAt: '2026-11-30T16:00:00Z' },
    ],
    // Stopped on 31 October 23:59 Beijing: October's, not November's.
    [
      undefined,
      { startedAt: '2026-10-31T10:00:00Z', stoppedAt: '2026-10-31T15:59:00Z' },
    ],
    // Breached in November, stopped later in November: breached, not met.
    [
      'breached',
      {
        startedAt: '2026-11-02T01:00:00Z',
        breachedAt: '2026-11-03T01:00:00Z',
        stoppedAt: '2026-11-04T01:00:00Z',
      },
    ],
    // Breached in October, stopped in November: counted in October only.
    [
      undefined,
      {
        startedAt: '2026-10-20T01:00:00Z',
        breachedAt: '2026-10-25T01:00:00Z',
        stoppedAt: '2026-11-04T01:00:00Z',
      },
    ],
    // Started in October, still open: running at November's end.
    ['running', { startedAt: '2026-10-20T01:00:00Z' }],
    // Started in December: nothing in November.
    [undefined, { startedAt: '2026-12-01T01:00:00Z' }],
  ] as const)('counts %s for %j', (expected, times) => {
    expect(clockOutcome(clock(times), window)).toBe(expected);
  });
});

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
    ticketsCounted(rows, selection, window, november).map(t => t.number);

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

describe('clock outcomes over a quarter', () => {
  const quarter = periodOf('quarter', '2026-10-15');
  const months = ['2026-10-01', '2026-11-01', '2026-12-01'].map(d =>
    periodWindow(periodOf('month', d), ZONE),
  );
  const qWindow = periodWindow(quarter, ZONE);
  const base = Date.parse('2026-09-15T00:00:00Z');
  const day = 86_400_000;
  const instant = fc
    .integer({ min: 0, max: 130 * day })
    .map(ms => new Date(base + ms).toISOString());
  const clocks = fc
    .record({
      startedAt: instant,
      stopAfter: fc.option(fc.integer({ min: 0, max: 40 * day })),
      breachAfter: fc.option(fc.integer({ min: 0, max: 40 * day })),
    })
    .map(({ startedAt, stopAfter, breachAfter }) => {
      const at = (after: number | null) =>
        after === null
          ? undefined
          : new Date(Date.parse(startedAt) + after).toISOString();
      return clock({
        startedAt,
        stoppedAt: at(stopAfter),
        breachedAt: at(breachAfter),
      });
    });

  it('met and breached of the quarter are the sums of its months; running is its last month’s', () => {
    fc.assert(
      fc.property(fc.array(clocks, { maxLength: 30 }), sample => {
        const count = (w: typeof qWindow, outcome: string) =>
          sample.filter(c => clockOutcome(c, w) === outcome).length;
        for (const outcome of ['met', 'breached']) {
          expect(count(qWindow, outcome)).toBe(
            months.reduce((sum, w) => sum + count(w, outcome), 0),
          );
        }
        expect(count(qWindow, 'running')).toBe(count(months[2], 'running'));
      }),
    );
  });
});
