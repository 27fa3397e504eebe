import {
  HOUR,
  LI,
  MINUTE,
  NETWORK,
  PC,
  PRINTER,
  SWITCH,
  TRIAL,
  WANG,
  ZHANG,
  ZONE,
  changes,
  tickets,
} from './__testUtils__/november';
import { factsCountingIn, factsOfSystem, ticketFigures } from './figures';
import { periodWindow } from './period';

// Every expected value below is counted by hand from __testUtils__/november.ts; the comments
// name the rows. INC-n is INC-2026-0000n, likewise SR, PRB, CMP and CHG.
const november = periodWindow({ from: '2026-11-01', to: '2026-11-30' }, ZONE);
const figures = ticketFigures(tickets, changes, november);

describe('ticketFigures on the hand-counted November', () => {
  it('counts a service in the month it was created in', () => {
    // Created in November: INC-1..6, INC-8, SR-1..3, PRB-1, PRB-3, CMP-1 = 13.
    // Not: INC-7 and PRB-2 (October), INC-9 (December).
    expect(figures.services.total).toBe(13);
    expect(figures.services.byType).toEqual({
      incident: 7, // INC-1, 2, 3, 4, 5, 6, 8
      'service-request': 3, // SR-1, 2, 3
      problem: 2, // PRB-1, PRB-3
      complaint: 1, // CMP-1
    });
  });

  it('counts service requests by their category', () => {
    // SR-1 install, SR-2 training, SR-3 configure; every other category 0.
    expect(figures.services.byCategory).toEqual({
      install: 1,
      configure: 1,
      training: 1,
      'data-adjustment': 0,
      'demo-support': 0,
      'spare-part': 0,
    });
  });

  it('counts services by channel', () => {
    // portal: INC-1, INC-5, INC-8, SR-1, SR-3, PRB-1, PRB-3 = 7
    // phone: INC-2, INC-4, SR-2, CMP-1 = 4; monitoring: INC-6; inspection: INC-3.
    expect(figures.services.byChannel).toEqual({
      portal: 7,
      phone: 4,
      monitoring: 1,
      inspection: 1,
    });
  });

  it('counts a ticket about two systems once in each', () => {
    // trial: INC-1, 2, 4, 5, 8, SR-1, SR-2, PRB-1, CMP-1 = 9
    // network: INC-3, 4, 6, SR-3, PRB-3 = 5 (9 + 5 = 14 = 13 + INC-4 counted twice)
    expect(figures.services.bySystem).toEqual([
      { systemRef: TRIAL, count: 9 },
      { systemRef: NETWORK, count: 5 },
    ]);
  });

  it('times the clocks that stopped in the month, per clock and level, pauses apart', () => {
    // response L1: INC-2 5m, INC-4 20m, INC-8 5m → sorted 5, 5, 20: mean 10m; median rank
    //   ⌈0.5·3⌉ = 2 → 5m; p90 rank ⌈0.9·3⌉ = 3 → 20m.
    // response L2: INC-1, INC-5, INC-6 (stopped 30 Nov 20:10) 10m each.
    // response L3: INC-3 15m, SR-1 30m, SR-3 60m → mean 35m, median 30m, p90 60m.
    // response L4: SR-2 60m (INC-7's response stopped in October).
    // arrival L1: INC-2 40m.
    // resolution L1: INC-2 4h, INC-4 6h → mean 5h, median rank 1 → 4h, p90 rank 2 → 6h.
    //   (INC-8 never stopped.)
    // resolution L2: INC-1 2h, INC-5 8h (INC-6 stopped in December).
    // resolution L3: INC-3 6h open + 20h paused, SR-1 7h, SR-3 5h → 5, 6, 7: mean 6h.
    // resolution L4: INC-7 16h (filed in October, stopped 2 November); SR-2 still runs.
    const stats = (values: number[], [mean, median, p90, max]: number[]) => ({
      count: values.length,
      meanMs: mean,
      medianMs: median,
      p90Ms: p90,
      maxMs: max,
    });
    const m = MINUTE;
    const h = HOUR;
    expect(figures.times).toEqual([
      {
        clock: 'response',
        level: 'L1',
        elapsed: stats([5, 20, 5], [10 * m, 5 * m, 20 * m, 20 * m]),
        pausedMs: 0,
      },
      {
        clock: 'response',
        level: 'L2',
        elapsed: stats([10, 10, 10], [10 * m, 10 * m, 10 * m, 10 * m]),
        pausedMs: 0,
      },
      {
        clock: 'response',
        level: 'L3',
        elapsed: stats([15, 30, 60], [35 * m, 30 * m, 60 * m, 60 * m]),
        pausedMs: 0,
      },
      {
        clock: 'response',
        level: 'L4',
        elapsed: stats([60], [60 * m, 60 * m, 60 * m, 60 * m]),
        pausedMs: 0,
      },
      {
        clock: 'arrival',
        level: 'L1',
        elapsed: stats([40], [40 * m, 40 * m, 40 * m, 40 * m]),
        pausedMs: 0,
      },
      {
        clock: 'resolution',
        level: 'L1',
        elapsed: stats([4, 6], [5 * h, 4 * h, 6 * h, 6 * h]),
        pausedMs: 0,
      },
      {
        clock: 'resolution',
        level: 'L2',
        elapsed: stats([2, 8], [5 * h, 2 * h, 8 * h, 8 * h]),
        pausedMs: 0,
      },
      {
        clock: 'resolution',
        level: 'L3',
        elapsed: stats([6, 7, 5], [6 * h, 6 * h, 7 * h, 7 * h]),
        pausedMs: 20 * h,
      },
      {
        clock: 'resolution',
        level: 'L4',
        elapsed: stats([16], [16 * h, 16 * h, 16 * h, 16 * h]),
        pausedMs: 0,
      },
    ]);
  });

  it('counts each clock once, in the month of its outcome, under the level it ended at', () => {
    // met: INC-1 ×2, INC-2 ×3, INC-3 ×2, INC-4 response (L1 after reprioritising),
    //   INC-5 ×2 (resolution after the reopen), INC-6 response, INC-7 resolution, INC-8 response,
    //   SR-1 ×2, SR-2 response, SR-3 resolution = 17
    // breached: INC-4 resolution (14 Nov), INC-8 resolution (25 Nov), SR-3 response (8 Nov) = 3
    // running at the end: INC-6 resolution (stops 1 Dec), SR-2 resolution = 2
    // INC-7's response (October) and INC-9's (December) count nowhere. 17 / 20 = 85 %.
    expect(figures.compliance.total).toEqual({
      met: 17,
      breached: 3,
      running: 2,
      percent: 85,
    });
  });

  it('gives compliance per clock × level', () => {
    // response L1 met INC-2, 4, 8; L2 met INC-1, 5, 6; L3 met INC-3, SR-1, breached SR-3;
    // L4 met SR-2. arrival L1 met INC-2. resolution L1 met INC-2, breached INC-4, 8;
    // L2 met INC-1, 5, running INC-6; L3 met INC-3, SR-1, SR-3; L4 met INC-7, running SR-2.
    expect(figures.compliance.byLevel).toEqual([
      {
        clock: 'response',
        level: 'L1',
        met: 3,
        breached: 0,
        running: 0,
        percent: 100,
      },
      {
        clock: 'response',
        level: 'L2',
        met: 3,
        breached: 0,
        running: 0,
        percent: 100,
      },
      {
        clock: 'response',
        level: 'L3',
        met: 2,
        breached: 1,
        running: 0,
        percent: (2 / 3) * 100,
      },
      {
        clock: 'response',
        level: 'L4',
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
        clock: 'resolution',
        level: 'L1',
        met: 1,
        breached: 2,
        running: 0,
        percent: (1 / 3) * 100,
      },
      {
        clock: 'resolution',
        level: 'L2',
        met: 2,
        breached: 0,
        running: 1,
        percent: 100,
      },
      {
        clock: 'resolution',
        level: 'L3',
        met: 3,
        breached: 0,
        running: 0,
        percent: 100,
      },
      {
        clock: 'resolution',
        level: 'L4',
        met: 1,
        breached: 0,
        running: 1,
        percent: 100,
      },
    ]);
  });

  it('gives compliance per system × clock, a two-system ticket in each', () => {
    // network (INC-3, INC-4, INC-6, SR-3): response met INC-3, 4, 6, breached SR-3;
    //   resolution met INC-3, SR-3, breached INC-4, running INC-6.
    // trial (INC-1, 2, 4, 5, 7, 8, SR-1, SR-2): response met INC-1, 2, 4, 5, 8, SR-1, SR-2 = 7
    //   (INC-7's was in October); arrival met INC-2; resolution met INC-1, 2, 5, 7, SR-1 = 5,
    //   breached INC-4, 8, running SR-2.
    expect(figures.compliance.bySystem).toEqual([
      {
        systemRef: NETWORK,
        clock: 'response',
        met: 3,
        breached: 1,
        running: 0,
        percent: 75,
      },
      {
        systemRef: NETWORK,
        clock: 'resolution',
        met: 2,
        breached: 1,
        running: 1,
        percent: (2 / 3) * 100,
      },
      {
        systemRef: TRIAL,
        clock: 'response',
        met: 7,
        breached: 0,
        running: 0,
        percent: 100,
      },
      {
        systemRef: TRIAL,
        clock: 'arrival',
        met: 1,
        breached: 0,
        running: 0,
        percent: 100,
      },
      {
        systemRef: TRIAL,
        clock: 'resolution',
        met: 5,
        breached: 2,
        running: 1,
        percent: (5 / 7) * 100,
      },
    ]);
  });

  it('lists the breaches of the month in the order they happened', () => {
    expect(
      figures.compliance.breaches.map(b => [
        b.number,
        b.clock,
        b.level,
        b.systemRefs,
      ]),
    ).toEqual([
      ['SR-2026-00003', 'response', 'L3', [NETWORK]], // 8 Nov 10:30
      ['INC-2026-00004', 'resolution', 'L1', [TRIAL, NETWORK]], // 14 Nov 13:00
      ['INC-2026-00008', 'resolution', 'L1', [TRIAL]], // 25 Nov 13:00
    ]);
    expect(figures.compliance.breaches[0].breachedAt).toBe(
      '2026-11-08T02:30:00.000Z',
    );
  });

  it('counts work minutes by the day worked, on tickets and changes alike', () => {
    // zhang: INC-1 60, INC-4 240, INC-7 60 (2 Nov; its 28 Oct log is October), SR-1 45,
    //   PRB-1 120, CHG-1 90 = 615 (INC-1's 1 Dec and INC-9's logs are December)
    // li: INC-2 120, INC-5 60 + 45, INC-6 20 (30 Nov; 25 on 1 Dec is not), PRB-2 60, CHG-4 30 = 335
    // wang: INC-3 90 + 30, INC-8 100, CHG-5 45 = 265 (CHG-3's 31 Oct log is October)
    expect(figures.workMinutes.total).toBe(1215);
    expect(figures.workMinutes.byEngineer).toEqual([
      { engineer: ZHANG, minutes: 615 },
      { engineer: LI, minutes: 335 },
      { engineer: WANG, minutes: 265 },
    ]);
  });

  it('counts work minutes per type and per system', () => {
    // incident: 60 + 120 + 120 + 240 + 105 + 20 + 60 + 100 = 825; service request: SR-1 45;
    // problem: PRB-1 120 + PRB-2 60 = 180; complaint 0; change: 90 + 30 + 45 = 165.
    expect(figures.workMinutes.byType).toEqual({
      incident: 825,
      'service-request': 45,
      problem: 180,
      complaint: 0,
      change: 165,
    });
    // trial: INC-1 60, 2 120, 4 240, 5 105, 7 60, 8 100, SR-1 45, PRB-1 120, PRB-2 60,
    //   CHG-1 90, CHG-4 30, CHG-5 45 = 1075; network: INC-3 120, INC-4 240, INC-6 20, CHG-5 45 = 425
    expect(figures.workMinutes.bySystem).toEqual([
      { systemRef: TRIAL, minutes: 1075 },
      { systemRef: NETWORK, minutes: 425 },
    ]);
  });

  it('gives the incident resolution rate of the incidents created in the month', () => {
    // 7 incidents created; resolved by 30 Nov 24:00: INC-1, 2, 3, 4, 5 = 5.
    // INC-6 was resolved on 1 December, INC-8 is open.
    expect(figures.rates.incidentResolution).toEqual({
      part: 5,
      whole: 7,
      percent: (5 / 7) * 100,
    });
  });

  it('gives the problem resolution rate: resolved in the month with a known error', () => {
    // Resolved in November: PRB-1 (kb-12), PRB-2 (filed in October, no known error) → 1 / 2.
    expect(figures.rates.problemResolution).toEqual({
      part: 1,
      whole: 2,
      percent: 50,
    });
  });

  it('gives first-contact resolution: no hand-off, no visit, no reopen', () => {
    // Incidents and service requests created in November and resolved by its end:
    //   INC-1, 2, 3, 4, 5, SR-1, SR-3 = 7.
    // At first contact: INC-1, INC-4, SR-1, SR-3 = 4 (INC-2 went on site, INC-3 was
    //   reassigned, INC-5 was reopened).
    expect(figures.rates.firstContactResolution).toEqual({
      part: 4,
      whole: 7,
      percent: (4 / 7) * 100,
    });
  });

  it('gives the reopen rate of the month’s resolved services', () => {
    // Of the 7 above, INC-5 was reopened (19 Nov) → 1 / 7.
    expect(figures.rates.reopen).toEqual({
      part: 1,
      whole: 7,
      percent: (1 / 7) * 100,
    });
  });

  it('counts satisfaction by the call-back in the month', () => {
    // INC-1 5 (4 Nov), INC-2 4, INC-5 2, INC-7 3 (an October ticket called back 3 Nov), SR-1 5;
    // INC-9's 1 was recorded in December. Mean 19 / 5 = 3.8.
    expect(figures.satisfaction).toEqual({
      count: 5,
      mean: 3.8,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 },
    });
  });

  it('counts each change step in the month it happened in', () => {
    // filed: CHG-1, 2, 3 (registered 1 Nov), 5 = 4 (CHG-4 in October, CHG-6 in December)
    // approved: CHG-1 (3 Nov), CHG-3 (1 Nov), CHG-5 (21 Nov) = 3 (CHG-4's was in October)
    // rejected: CHG-2. succeeded: CHG-1 (CHG-3 finished 31 Oct 23:00, before it was filed).
    // failed: CHG-4 (15 Nov). rolled back: CHG-5. emergency: CHG-3.
    // success rate: 1 succeeded of 3 finished.
    expect(figures.changes).toEqual({
      filed: 4,
      approved: 3,
      rejected: 1,
      succeeded: 1,
      failed: 1,
      rolledBack: 1,
      emergency: 1,
      successRate: { part: 1, whole: 3, percent: (1 / 3) * 100 },
    });
  });

  it('ranks devices and systems by incidents created in the month', () => {
    // pc-101: INC-1, 2, 5, 8 = 4 (SR-1 is not an incident, INC-9 is December)
    // switch-1: INC-3, 4, 6 = 3; printer-2: INC-2 = 1 (INC-7 is October).
    // INC-4 also names the trial system itself: a system is not a device.
    expect(figures.topDevices).toEqual([
      { entityRef: PC, incidents: 4 },
      { entityRef: SWITCH, incidents: 3 },
      { entityRef: PRINTER, incidents: 1 },
    ]);
    // trial: INC-1, 2, 4, 5, 8 = 5; network: INC-3, 4, 6 = 3.
    expect(figures.topSystems).toEqual([
      { systemRef: TRIAL, incidents: 5 },
      { systemRef: NETWORK, incidents: 3 },
    ]);
  });

  it('gives a system the court maths on its own facts', () => {
    const trial = ticketFigures(
      factsOfSystem(tickets, TRIAL),
      factsOfSystem(changes, TRIAL),
      november,
    );
    // The court's per-system rows are the system's own totals.
    expect(trial.services.total).toBe(9);
    expect(trial.workMinutes.total).toBe(1075);
    // trial response 7 met + arrival 1 met + resolution 5 met, 2 breached, 1 running.
    expect(trial.compliance.total).toEqual({
      met: 13,
      breached: 2,
      running: 1,
      percent: (13 / 15) * 100,
    });
    // CHG-1 filed, CHG-5 filed; CHG-1 succeeded, CHG-4 failed, CHG-5 rolled back.
    expect(trial.changes).toMatchObject({
      filed: 2,
      succeeded: 1,
      failed: 1,
      rolledBack: 1,
      emergency: 0,
    });
  });

  it('counts December from the same rows by the same rules', () => {
    const december = ticketFigures(
      tickets,
      changes,
      periodWindow({ from: '2026-12-01', to: '2026-12-31' }, ZONE),
    );
    // INC-9 is December's only service; INC-6's resolution (1 Dec) and INC-9's response met;
    // SR-2's resolution still runs; INC-8 breached in November and is no longer counted.
    expect(december.services.total).toBe(1);
    expect(december.compliance.total).toEqual({
      met: 2,
      breached: 0,
      running: 1,
      percent: 100,
    });
    // INC-1 15 + INC-6 25 + INC-9 30 on December days.
    expect(december.workMinutes.total).toBe(70);
    expect(december.changes.filed).toBe(1);
  });

  it('finds the rows behind the month’s figures', () => {
    // Everything but INC-9 and CHG-6, which happened wholly in December. INC-7 (filed in
    // October) and CHG-4 (filed in October) count by their resolution and failure.
    const rows = factsCountingIn(tickets, changes, november);
    expect(rows.tickets.map(t => t.number)).toEqual(
      tickets.map(t => t.number).filter(n => n !== 'INC-2026-00009'),
    );
    expect(rows.changes.map(c => c.number)).toEqual(
      changes.map(c => c.number).filter(n => n !== 'CHG-2026-00006'),
    );
  });

  it('recounts a month from the facts as they are now: a ticket reopened after it', () => {
    // INC-1, resolved on 3 November, is reopened on 5 December and still open: its facts lose
    // the resolution and its resolution clock runs again. November recomputed:
    const [inc1, ...others] = tickets;
    const reopened = {
      ...inc1,
      status: 'in-progress' as const,
      resolvedAt: undefined,
      closedAt: undefined,
      reopenedAt: ['2026-12-05T01:00:00.000Z'],
      clocks: inc1.clocks.map(c =>
        c.clock === 'resolution' ? { ...c, stoppedAt: undefined } : c,
      ),
    };
    const recounted = ticketFigures([reopened, ...others], changes, november);
    // resolved incidents 5 → 4 of 7; first contact 4 of 7 → 3 of 6; reopen 1 of 7 → 1 of 6
    // (the December reopen is not November's); its resolution clock, met, now runs at the end.
    expect(recounted.rates.incidentResolution).toMatchObject({
      part: 4,
      whole: 7,
    });
    expect(recounted.rates.firstContactResolution).toMatchObject({
      part: 3,
      whole: 6,
    });
    expect(recounted.rates.reopen).toMatchObject({ part: 1, whole: 6 });
    expect(recounted.compliance.total).toMatchObject({
      met: 16,
      breached: 3,
      running: 3,
    });
  });
});
