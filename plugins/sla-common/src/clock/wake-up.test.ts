import { bj, created, event } from '../__testUtils__/tickets';
import { SlaEngine } from '../engine';
import { defaultContractPolicy as policy } from '../policy/contract';

const sla = new SlaEngine();

describe('nextWakeUp', () => {
  const l1 = { policy, events: [created('2026-03-02T10:00', 'high', 'large')] };
  const l3 = { policy, events: [created('2026-03-02T09:50', 'high', 'small')] };
  const l4 = { policy, events: [created('2026-03-02T09:00', 'low', 'small')] };
  const done = {
    policy,
    events: [
      created('2026-03-02T08:00', 'high', 'medium'),
      event('arrived', '2026-03-02T08:05'),
      event('resolved', '2026-03-02T09:00'),
    ],
  };

  it('is the earliest upcoming warning or breach of any ticket', () => {
    // L1: response 50 % at 10:02:30; L3: response 50 % (10 of 20 min) at 10:00.
    expect(sla.nextWakeUp([l1, l3, l4, done], bj('2026-03-02T10:00'))).toBe(
      bj('2026-03-02T10:02:30'),
    );
    expect(sla.nextWakeUp([l3, l4], bj('2026-03-02T09:55'))).toBe(
      bj('2026-03-02T10:00'),
    );
  });

  it('is strictly after now, so waking at it moves on to the next', () => {
    expect(sla.nextWakeUp([l1], bj('2026-03-02T10:02:30'))).toBe(
      bj('2026-03-02T10:03:45'),
    );
    const atWake = sla.computeClocks(l1, bj('2026-03-02T10:02:30')).response
      .warnings[0];
    expect(atWake).toEqual({
      threshold: 0.5,
      at: bj('2026-03-02T10:02:30'),
      upcoming: false,
    });
  });

  it('includes breaches, and counts the arrival clock too', () => {
    // At 10:04:30 only the response breach (10:05) and arrival warnings remain.
    expect(sla.nextWakeUp([l1], bj('2026-03-02T10:04:30'))).toBe(
      bj('2026-03-02T10:05'),
    );
    expect(sla.nextWakeUp([l1], bj('2026-03-02T10:06'))).toBe(
      bj('2026-03-02T10:07:30'),
    );
  });

  it('is undefined when nothing runs', () => {
    expect(sla.nextWakeUp([l4, done], bj('2026-03-02T10:00'))).toBeUndefined();
    expect(sla.nextWakeUp([], bj('2026-03-02T10:00'))).toBeUndefined();
  });
});
