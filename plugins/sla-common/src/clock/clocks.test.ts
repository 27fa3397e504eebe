import { bj, created, event, HOUR, MINUTE } from '../__testUtils__/tickets';
import { SlaEngine } from '../engine';
import { defaultContractPolicy as policy } from '../policy/contract';
import { TicketEvent } from './events';

const sla = new SlaEngine();
const clocks = (events: TicketEvent[], now: string) =>
  sla.computeClocks({ events, policy }, bj(now));

describe('an L2 ticket from call to fix', () => {
  const result = clocks(
    [
      created('2026-03-02T10:00', 'high', 'medium'),
      event('acknowledged', '2026-03-02T10:04'),
      event('arrived', '2026-03-02T10:12'),
      event('resolved', '2026-03-02T16:00'),
    ],
    '2026-03-02T17:00',
  );

  it('meets the 10 min response', () => {
    expect(result.level).toBe('L2');
    expect(result.status).toBe('resolved');
    expect(result.response).toEqual({
      clock: 'response',
      state: 'met',
      level: 'L2',
      targetMs: 10 * MINUTE,
      calendar: 'always',
      startedAt: bj('2026-03-02T10:00'),
      dueAt: bj('2026-03-02T10:10'),
      elapsedMs: 4 * MINUTE,
      pausedMs: 0,
      remainingMs: 6 * MINUTE,
      percentConsumed: 40,
      warnings: [],
      stoppedAt: bj('2026-03-02T10:04'),
      metAt: bj('2026-03-02T10:04'),
      breachedAt: undefined,
    });
  });

  it('records the arrival warnings it passed', () => {
    expect(result.arrival.state).toBe('met');
    expect(result.arrival.warnings).toEqual([
      { threshold: 0.5, at: bj('2026-03-02T10:07:30'), upcoming: false },
      { threshold: 0.75, at: bj('2026-03-02T10:11:15'), upcoming: false },
    ]);
  });

  it('counts the 8 h resolution from arrival', () => {
    expect(result.resolution).toMatchObject({
      state: 'met',
      startedAt: bj('2026-03-02T10:12'),
      elapsedMs: 5 * HOUR + 48 * MINUTE,
      dueAt: bj('2026-03-02T18:12'),
      metAt: bj('2026-03-02T16:00'),
    });
    expect(result.nextWakeUp).toBeUndefined();
  });
});

describe('breach at the exact instant', () => {
  const l1 = [created('2026-03-02T10:00', 'high', 'large')];

  it('warns at 50/75/90 % and breaches at 5 min to the millisecond', () => {
    const { response } = clocks(l1, '2026-03-02T10:20');
    expect(response.state).toBe('breached');
    expect(response.breachedAt).toBe(bj('2026-03-02T10:05'));
    expect(response.dueAt).toBe(bj('2026-03-02T10:05'));
    expect(response.warnings.map(w => w.at)).toEqual([
      bj('2026-03-02T10:02:30'),
      bj('2026-03-02T10:03:45'),
      bj('2026-03-02T10:04:30'),
    ]);
    expect(response.remainingMs).toBe(-15 * MINUTE);
  });

  it('is met when stopped exactly at the due instant, breached 1 ms later', () => {
    const at = (instant: string) =>
      sla.computeClocks(
        { policy, events: [...l1, { type: 'acknowledged', at: instant }] },
        bj('2026-03-02T10:30'),
      ).response;
    expect(at(bj('2026-03-02T10:05')).state).toBe('met');
    const late = at('2026-03-02T02:05:00.001Z');
    expect(late.state).toBe('breached');
    expect(late.breachedAt).toBe(bj('2026-03-02T10:05'));
  });

  it('is breached for a scheduler waking exactly at the due instant', () => {
    const { response } = clocks(l1, '2026-03-02T10:05');
    expect(response.state).toBe('breached');
    expect(response.breachedAt).toBe(bj('2026-03-02T10:05'));
  });

  it('projects upcoming warnings and due while running', () => {
    const result = clocks(l1, '2026-03-02T10:03');
    expect(result.response.state).toBe('running');
    expect(result.response.warnings).toEqual([
      { threshold: 0.5, at: bj('2026-03-02T10:02:30'), upcoming: false },
      { threshold: 0.75, at: bj('2026-03-02T10:03:45'), upcoming: true },
      { threshold: 0.9, at: bj('2026-03-02T10:04:30'), upcoming: true },
    ]);
    expect(result.response.dueAt).toBe(bj('2026-03-02T10:05'));
    expect(result.nextWakeUp).toBe(bj('2026-03-02T10:03:45'));
  });
});

describe('levels without a clock or a target', () => {
  it('L4 has no clock', () => {
    const result = clocks(
      [created('2026-03-02T10:00', 'medium', 'small')],
      '2026-03-09T10:00',
    );
    expect(result.level).toBe('L4');
    for (const clock of [result.response, result.arrival, result.resolution]) {
      expect(clock).toMatchObject({
        state: 'not-applicable',
        elapsedMs: 0,
        warnings: [],
      });
      expect(clock.targetMs).toBeUndefined();
      expect(clock.dueAt).toBeUndefined();
    }
    expect(result.nextWakeUp).toBeUndefined();
  });

  it('L1 resolution is measured from arrival with no target', () => {
    const events = [
      created('2026-03-02T10:00', 'high', 'large'),
      event('acknowledged', '2026-03-02T10:01'),
      event('arrived', '2026-03-02T10:08'),
    ];
    const running = clocks(events, '2026-03-02T13:08').resolution;
    expect(running).toMatchObject({
      state: 'running',
      elapsedMs: 3 * HOUR,
      warnings: [],
    });
    expect(running.targetMs).toBeUndefined();
    expect(running.dueAt).toBeUndefined();
    const done = clocks(
      [...events, event('resolved', '2026-03-02T14:00')],
      '2026-03-02T15:00',
    );
    expect(done.resolution).toMatchObject({
      state: 'met',
      metAt: bj('2026-03-02T14:00'),
    });
    expect(done.resolution.elapsedMs).toBe(3 * HOUR + 52 * MINUTE);
  });

  it('the resolution clock waits for arrival', () => {
    const result = clocks(
      [created('2026-03-02T10:00', 'high', 'medium')],
      '2026-03-02T10:01',
    );
    expect(result.resolution).toMatchObject({
      state: 'not-started',
      targetMs: 8 * HOUR,
      elapsedMs: 0,
    });
    expect(result.resolution.dueAt).toBeUndefined();
  });
});

describe('what stops the response and arrival clocks', () => {
  it('arriving is a response', () => {
    const result = clocks(
      [
        created('2026-03-02T10:00', 'high', 'large'),
        event('arrived', '2026-03-02T10:04'),
      ],
      '2026-03-02T10:30',
    );
    expect(result.response).toMatchObject({
      state: 'met',
      metAt: bj('2026-03-02T10:04'),
    });
    expect(result.arrival).toMatchObject({
      state: 'met',
      metAt: bj('2026-03-02T10:04'),
    });
  });

  it('a fault fixed remotely needs no visit: arrival met, resolution met at once', () => {
    const result = clocks(
      [
        created('2026-03-02T10:00', 'high', 'medium'),
        event('acknowledged', '2026-03-02T10:02'),
        event('resolved', '2026-03-02T10:09'),
      ],
      '2026-03-02T12:00',
    );
    expect(result.arrival).toMatchObject({
      state: 'met',
      metAt: bj('2026-03-02T10:09'),
    });
    expect(result.resolution).toMatchObject({
      state: 'met',
      elapsedMs: 0,
      metAt: bj('2026-03-02T10:09'),
    });
  });

  it('response counts 7×24, at night too', () => {
    const { response } = clocks(
      [created('2026-03-03T02:00', 'high', 'small')],
      '2026-03-03T02:01',
    );
    expect(response.dueAt).toBe(bj('2026-03-03T02:20'));
  });
});

describe('arrival inside and outside on-site hours (07:30–18:30)', () => {
  const arrivalDue = (
    local: string,
    urgency: 'high' | 'medium',
    impact: 'large' | 'medium' | 'small',
  ) => clocks([created(local, urgency, impact)], local).arrival;

  it('inside: 10/15/30 min', () => {
    expect(arrivalDue('2026-03-02T10:00', 'high', 'large').dueAt).toBe(
      bj('2026-03-02T10:10'),
    );
    expect(arrivalDue('2026-03-02T10:00', 'high', 'medium').dueAt).toBe(
      bj('2026-03-02T10:15'),
    );
    expect(arrivalDue('2026-03-02T10:00', 'high', 'small').dueAt).toBe(
      bj('2026-03-02T10:30'),
    );
  });

  it('an emergency called at 18:25 is still inside: due 18:40, not the next morning', () => {
    expect(arrivalDue('2026-03-02T18:25', 'high', 'medium').dueAt).toBe(
      bj('2026-03-02T18:40'),
    );
  });

  it('outside: an emergency (L1, L2) within 30 min of the call', () => {
    const l1 = arrivalDue('2026-03-02T22:00', 'high', 'large');
    expect(l1.dueAt).toBe(bj('2026-03-02T22:30'));
    expect(l1.targetMs).toBe(30 * MINUTE);
    expect(arrivalDue('2026-03-02T18:30', 'medium', 'large').dueAt).toBe(
      bj('2026-03-02T19:00'),
    );
  });

  it('a call just before 07:30 is never due later than a call at 07:30', () => {
    const early = arrivalDue('2026-03-02T07:29', 'high', 'large');
    expect(early.dueAt).toBe(bj('2026-03-02T07:40'));
    expect(early.targetMs).toBe(11 * MINUTE);
    expect(arrivalDue('2026-03-02T07:30', 'high', 'large').dueAt).toBe(
      bj('2026-03-02T07:40'),
    );
    expect(arrivalDue('2026-03-02T06:50', 'high', 'large').dueAt).toBe(
      bj('2026-03-02T07:20'),
    );
  });

  it('L3 is not an emergency: 30 min of on-site hours', () => {
    expect(arrivalDue('2026-03-02T22:00', 'high', 'small').dueAt).toBe(
      bj('2026-03-03T08:00'),
    );
    expect(arrivalDue('2026-03-02T18:20', 'medium', 'medium').dueAt).toBe(
      bj('2026-03-03T07:50'),
    );
  });
});

describe('replay', () => {
  it('gives the same answer every time and leaves the events alone', () => {
    const events = [
      created('2026-03-02T10:00', 'high', 'medium'),
      event('arrived', '2026-03-02T10:20'),
    ];
    const copy = JSON.parse(JSON.stringify(events));
    const first = clocks(events, '2026-03-02T12:00');
    expect(clocks(events, '2026-03-02T12:00')).toEqual(first);
    expect(events).toEqual(copy);
  });
});
