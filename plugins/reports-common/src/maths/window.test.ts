import { periodWindow } from '../period';
import { onDayOf, windowRange, within } from './window';

describe('windowRange', () => {
  it('takes the days from the window when it has them', () => {
    const range = windowRange(
      periodWindow({ from: '2026-11-01', to: '2026-11-30' }, 'UTC'),
    );
    expect([range.from, range.to]).toEqual(['2026-11-01', '2026-11-30']);
  });

  it('reads the days of a bare window in Asia/Shanghai', () => {
    const range = windowRange({
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z',
    });
    expect([range.from, range.to]).toEqual(['2026-11-01', '2026-11-30']);
    expect(onDayOf(range, '2026-11-30')).toBe(true);
    expect(onDayOf(range, '2026-12-01')).toBe(false);
    expect(onDayOf(range, '2026-10-31')).toBe(false);
  });

  it('includes the start and excludes the end, whatever the offset an instant is written with', () => {
    const range = windowRange(
      periodWindow({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Shanghai'),
    );
    expect(within(range, '2026-11-01T00:00:00+08:00')).toBe(true);
    expect(within(range, '2026-10-31T23:59:59.999+08:00')).toBe(false);
    expect(within(range, '2026-11-30T23:59:59.999+08:00')).toBe(true);
    expect(within(range, '2026-12-01T00:00:00+08:00')).toBe(false);
    expect(within(range, undefined)).toBe(false);
  });
});
