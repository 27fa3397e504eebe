import {
  bj,
  created,
  event,
  HOUR,
  MINUTE,
  reprioritised,
} from '../__testUtils__/tickets';
import { SlaEngine } from '../engine';
import { defaultContractPolicy as policy } from '../policy/contract';
import { TicketEvent } from './events';

const sla = new SlaEngine();
const clocks = (events: TicketEvent[], now: string) =>
  sla.computeClocks({ events, policy }, bj(now));
const l3 = created('2026-03-02T10:00', 'high', 'small');

describe('priority raised mid-clock', () => {
  it('applies the new target to the time already counted, warning from the change on', () => {
    const result = clocks(
      [l3, reprioritised('2026-03-02T10:03', 'high', 'large')],
      '2026-03-02T10:03',
    );
    expect(result.level).toBe('L1');
    expect(result.response).toMatchObject({
      level: 'L1',
      targetMs: 5 * MINUTE,
      dueAt: bj('2026-03-02T10:05'),
    });
    // 3 min is past 50 % of 5 min: that warning is at the change, not back at 10:02:30.
    expect(result.response.warnings).toEqual([
      { threshold: 0.5, at: bj('2026-03-02T10:03'), upcoming: false },
      { threshold: 0.75, at: bj('2026-03-02T10:03:45'), upcoming: true },
      { threshold: 0.9, at: bj('2026-03-02T10:04:30'), upcoming: true },
    ]);
  });

  it('breaches at the change, never earlier, when the new target is already used up', () => {
    const result = clocks(
      [l3, reprioritised('2026-03-02T10:08', 'high', 'large')],
      '2026-03-02T10:09',
    );
    expect(result.response).toMatchObject({
      state: 'breached',
      breachedAt: bj('2026-03-02T10:08'),
    });
    expect(result.response.warnings.map(w => w.at)).toEqual([
      bj('2026-03-02T10:08'),
      bj('2026-03-02T10:08'),
      bj('2026-03-02T10:08'),
    ]);
    // Arrival: L1 gives 10 min from a call in on-site hours; 8 are gone.
    expect(result.arrival).toMatchObject({
      state: 'running',
      dueAt: bj('2026-03-02T10:10'),
    });
  });

  it('a change and an acknowledgement at the same instant are simultaneous, in either order', () => {
    const raise = reprioritised('2026-03-02T10:08', 'high', 'large');
    const ack = event('acknowledged', '2026-03-02T10:08');
    for (const events of [
      [l3, raise, ack],
      [l3, ack, raise],
    ]) {
      expect(clocks(events, '2026-03-02T10:09').response).toMatchObject({
        state: 'breached',
        level: 'L1',
        breachedAt: bj('2026-03-02T10:08'),
      });
    }
  });

  it('from L4 starts the clocks at the change', () => {
    const result = clocks(
      [
        created('2026-03-02T09:00', 'medium', 'small'),
        reprioritised('2026-03-02T11:00', 'high', 'medium'),
      ],
      '2026-03-02T11:01',
    );
    expect(result.response).toMatchObject({
      state: 'running',
      level: 'L2',
      startedAt: bj('2026-03-02T11:00'),
      elapsedMs: MINUTE,
      dueAt: bj('2026-03-02T11:10'),
    });
    expect(result.arrival.dueAt).toBe(bj('2026-03-02T11:15'));
  });

  // An L4 fault filed at 06:00 (outside on-site hours, which open at 07:30) and raised to L2
  // later: arrival counts from the raise, as a new L2 call at that instant would.
  const filedOutsideHours = created('2026-03-02T06:00', 'medium', 'small');

  it('from L4 outside on-site hours gets no more time than a call as they open', () => {
    const result = clocks(
      [filedOutsideHours, reprioritised('2026-03-02T07:20', 'high', 'medium')],
      '2026-03-02T07:21',
    );
    // Outside hours 30 min would be 07:50; a call at 07:30 is due 07:45, so 07:45 (25 min).
    expect(result.arrival).toMatchObject({
      state: 'running',
      level: 'L2',
      startedAt: bj('2026-03-02T07:20'),
      targetMs: 25 * MINUTE,
      dueAt: bj('2026-03-02T07:45'),
    });
    const newCall = clocks(
      [created('2026-03-02T07:20', 'high', 'medium')],
      '2026-03-02T07:21',
    );
    expect(result.arrival.dueAt).toBe(newCall.arrival.dueAt);
  });

  it('from L4 inside on-site hours gets the in-hours target, though filed outside them', () => {
    const result = clocks(
      [filedOutsideHours, reprioritised('2026-03-02T07:40', 'high', 'medium')],
      '2026-03-02T07:41',
    );
    expect(result.arrival).toMatchObject({
      level: 'L2',
      targetMs: 15 * MINUTE,
      dueAt: bj('2026-03-02T07:55'),
    });
  });
});

describe('priority lowered mid-clock', () => {
  const l2Arrived = [
    created('2026-03-02T09:50', 'high', 'medium'),
    event('acknowledged', '2026-03-02T09:55'),
    event('arrived', '2026-03-02T10:00'),
  ];

  it('keeps the warnings already given and moves the due instant out', () => {
    const result = clocks(
      [...l2Arrived, reprioritised('2026-03-02T16:30', 'medium', 'medium')],
      '2026-03-02T16:31',
    );
    expect(result.resolution).toMatchObject({
      level: 'L3',
      targetMs: 12 * HOUR,
      state: 'running',
      dueAt: bj('2026-03-02T22:00'),
    });
    expect(result.resolution.warnings).toEqual([
      { threshold: 0.5, at: bj('2026-03-02T14:00'), upcoming: false },
      { threshold: 0.75, at: bj('2026-03-02T16:00'), upcoming: false },
      { threshold: 0.9, at: bj('2026-03-02T20:48'), upcoming: true },
    ]);
  });

  it('never undoes a breach', () => {
    const result = clocks(
      [...l2Arrived, reprioritised('2026-03-02T19:00', 'medium', 'medium')],
      '2026-03-02T19:30',
    );
    expect(result.resolution).toMatchObject({
      state: 'breached',
      breachedAt: bj('2026-03-02T18:00'),
      level: 'L3',
    });
  });

  it('to L4 stops measuring but keeps what was recorded', () => {
    const result = clocks(
      [
        created('2026-03-02T10:00', 'high', 'medium'),
        reprioritised('2026-03-02T10:06', 'medium', 'small'),
      ],
      '2026-03-02T12:00',
    );
    expect(result.response).toMatchObject({
      state: 'not-applicable',
      level: 'L4',
      elapsedMs: 6 * MINUTE,
      warnings: [
        { threshold: 0.5, at: bj('2026-03-02T10:05'), upcoming: false },
      ],
    });
    expect(result.nextWakeUp).toBeUndefined();
  });
});

describe('a stopped clock', () => {
  it('keeps the level and target it stopped under', () => {
    const result = clocks(
      [
        l3,
        event('acknowledged', '2026-03-02T10:15'),
        reprioritised('2026-03-02T10:20', 'high', 'large'),
      ],
      '2026-03-02T10:21',
    );
    expect(result.response).toMatchObject({
      state: 'met',
      level: 'L3',
      targetMs: 20 * MINUTE,
    });
    expect(result.arrival).toMatchObject({
      state: 'breached',
      level: 'L1',
      breachedAt: bj('2026-03-02T10:20'),
    });
  });
});

describe('a floor on the level (a major event, 重点保障)', () => {
  const raisedTo = (floor: 'L1' | 'L2' | 'L4'): TicketEvent => ({
    type: 'priority-changed',
    at: bj('2026-03-02T10:00'),
    urgency: 'high',
    impact: 'small',
    floor,
  });

  it('raises an L3 to L2 from the filing on, with the L2 targets', () => {
    const result = clocks([l3, raisedTo('L2')], '2026-03-02T10:01');
    expect(result.level).toBe('L2');
    expect(result.response).toMatchObject({
      level: 'L2',
      targetMs: 10 * MINUTE,
      dueAt: bj('2026-03-02T10:10'),
    });
  });

  it('never lowers: a floor of L4 under an L3 leaves it L3', () => {
    expect(clocks([l3, raisedTo('L4')], '2026-03-02T10:01').level).toBe('L3');
  });
});
