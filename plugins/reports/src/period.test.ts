import { DateTime } from 'luxon';
import { monthSoFar } from './period';

describe('monthSoFar', () => {
  it('runs from the 1st to yesterday in Beijing', () => {
    // 2026-12-06 03:00 Beijing is still 12-05 in UTC: the court's day counts.
    const now = DateTime.fromISO('2026-12-05T19:00:00Z');
    expect(monthSoFar(now)).toEqual({ from: '2026-12-01', to: '2026-12-05' });
  });

  it('is the whole previous month on the 1st, when no day of this one has ended', () => {
    const now = DateTime.fromISO('2026-12-01T01:00:00+08:00');
    expect(monthSoFar(now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('is a single day on the 2nd', () => {
    const now = DateTime.fromISO('2027-01-02T23:59:00+08:00');
    expect(monthSoFar(now)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });
});
