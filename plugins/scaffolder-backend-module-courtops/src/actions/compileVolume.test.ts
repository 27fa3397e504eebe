import { ManualCourtClock } from '@internal/plugin-court-node';
import { lastEndedQuarter } from './compileVolume';

const at = (instant: string) => new ManualCourtClock(instant).now();

describe('lastEndedQuarter', () => {
  it.each([
    ['2026-03-31T23:59:59+08:00', { year: 2025, quarter: 4 }],
    ['2026-04-01T00:00:00+08:00', { year: 2026, quarter: 1 }],
    // Still 31 March in UTC, already April in the court.
    ['2026-03-31T16:00:00Z', { year: 2026, quarter: 1 }],
    ['2026-01-01T00:00:00+08:00', { year: 2025, quarter: 4 }],
    ['2026-12-31T23:59:59+08:00', { year: 2026, quarter: 3 }],
  ])('at %s is %j in Asia/Shanghai', (instant, expected) => {
    expect(lastEndedQuarter(at(instant), 'Asia/Shanghai')).toEqual(expected);
  });

  it('follows the zone it is given', () => {
    expect(lastEndedQuarter(at('2026-03-31T16:00:00Z'), 'UTC')).toEqual({
      year: 2025,
      quarter: 4,
    });
  });
});
