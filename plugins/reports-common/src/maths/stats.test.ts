import fc from 'fast-check';
import { durationStats, rate, Tally } from './stats';

describe('durationStats', () => {
  it('takes median and p90 by nearest rank, so each is one of the durations', () => {
    // Ranks of 10 values: median ⌈5⌉ = 5th, p90 ⌈9⌉ = 9th.
    expect(durationStats([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({
      count: 10,
      meanMs: 6, // 55 / 10 = 5.5, rounded to the millisecond
      medianMs: 5,
      p90Ms: 9,
      maxMs: 10,
    });
    // Of 11 values the p90 is the 10th (⌈9.9⌉).
    expect(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90Ms).toBe(10);
  });

  it('has no statistics for no durations', () => {
    expect(durationStats([])).toEqual({ count: 0 });
  });

  it('keeps min ≤ median ≤ p90 ≤ max and the mean within', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10 ** 9), { minLength: 1 }), durations => {
        const stats = durationStats(durations);
        const min = Math.min(...durations);
        expect(stats.count).toBe(durations.length);
        expect(min).toBeLessThanOrEqual(stats.medianMs!);
        expect(stats.medianMs!).toBeLessThanOrEqual(stats.p90Ms!);
        expect(stats.p90Ms!).toBeLessThanOrEqual(stats.maxMs!);
        expect(stats.maxMs).toBe(Math.max(...durations));
        expect(stats.meanMs!).toBeGreaterThanOrEqual(min);
        expect(stats.meanMs!).toBeLessThanOrEqual(stats.maxMs!);
        expect(durations).toContain(stats.medianMs);
        expect(durations).toContain(stats.p90Ms);
      }),
    );
  });

  it('does not depend on the order of the durations', () => {
    fc.assert(
      fc.property(fc.array(fc.nat()), durations => {
        expect(durationStats([...durations].reverse())).toEqual(
          durationStats(durations),
        );
      }),
    );
  });
});

describe('rate', () => {
  it('has no percentage of nothing', () => {
    expect(rate(0, 0)).toEqual({ part: 0, whole: 0 });
    expect(rate(3, 4)).toEqual({ part: 3, whole: 4, percent: 75 });
  });

  it('keeps the percentage within 0..100 for a part of a whole', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 1, max: 10_000 }),
        (a, b) => {
          const { percent } = rate(Math.min(a, b), Math.max(a, b));
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('Tally', () => {
  it('ranks largest first, then by key in code-point order', () => {
    const tally = new Tally();
    ['b', 'a', 'c', 'b', 'a', 'Z'].forEach(key => tally.add(key));
    expect(tally.ranked()).toEqual([
      ['a', 2],
      ['b', 2],
      ['Z', 1],
      ['c', 1],
    ]);
  });
});
