import { defaultContractPolicy as policy } from './contract';
import { levelOf } from './level';
import { IMPACTS, URGENCIES } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the contract policy', () => {
  it('maps urgency × impact exactly as SLA-1', () => {
    const table = URGENCIES.map(urgency =>
      IMPACTS.map(impact => levelOf(policy, urgency, impact)),
    );
    expect(table).toEqual([
      ['L1', 'L2', 'L3'],
      ['L2', 'L3', 'L4'],
      ['L3', 'L4', 'L4'],
    ]);
  });

  it('has the targets of SLA-2 and SLA-3', () => {
    const target = (
      level: 'L1' | 'L2' | 'L3',
      clock: 'response' | 'arrival' | 'resolution',
    ) => policy.levels[level][clock]?.targetMs;
    expect([
      target('L1', 'response'),
      target('L2', 'response'),
      target('L3', 'response'),
    ]).toEqual([5 * MINUTE, 10 * MINUTE, 20 * MINUTE]);
    expect([
      target('L1', 'arrival'),
      target('L2', 'arrival'),
      target('L3', 'arrival'),
    ]).toEqual([10 * MINUTE, 15 * MINUTE, 30 * MINUTE]);
    expect([
      target('L1', 'resolution'),
      target('L2', 'resolution'),
      target('L3', 'resolution'),
    ]).toEqual([null, 8 * HOUR, 12 * HOUR]);
    expect(policy.levels.L4).toEqual({
      response: null,
      arrival: null,
      resolution: null,
    });
  });

  it('counts response 7×24, resolution from arrival, and gives emergencies 30 min outside on-site hours', () => {
    for (const level of ['L1', 'L2', 'L3'] as const) {
      expect(policy.levels[level].response?.calendar).toBe('always');
      expect(policy.levels[level].resolution?.startsAt).toBe('arrived');
    }
    expect(policy.levels.L1.arrival?.outsideHours).toEqual({
      hours: 'on-site-hours',
      targetMs: 30 * MINUTE,
      calendar: 'always',
    });
    expect(policy.levels.L2.arrival?.outsideHours?.targetMs).toBe(30 * MINUTE);
    expect(policy.levels.L3.arrival?.outsideHours).toBeUndefined();
    expect(policy.levels.L3.arrival?.calendar).toBe('on-site-hours');
    expect(policy.warnings).toEqual([0.5, 0.75, 0.9]);
  });

  it('is a frozen value', () => {
    expect(Object.isFrozen(policy.levels.L2.resolution)).toBe(true);
  });
});
