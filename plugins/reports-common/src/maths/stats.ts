import type { DurationStats, Rate } from '../figures';

/**
 * Nearest-rank percentile of ascending values: the value at rank ⌈p/100 · n⌉. Always one of
 * the values, so the median of an even count is the lower of the two middle values.
 */
function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** count, mean (rounded to the millisecond), median and p90 (nearest rank), max. */
export function durationStats(durations: readonly number[]): DurationStats {
  if (durations.length === 0) return { count: 0 };
  const sorted = [...durations].sort((a, b) => a - b);
  const sum = sorted.reduce((total, ms) => total + ms, 0);
  return {
    count: sorted.length,
    meanMs: Math.round(sum / sorted.length),
    medianMs: nearestRank(sorted, 50),
    p90Ms: nearestRank(sorted, 90),
    maxMs: sorted[sorted.length - 1],
  };
}

/** `part` of `whole` with its percentage (unrounded; absent when `whole` is 0). */
export function rate(part: number, whole: number): Rate {
  return whole === 0
    ? { part, whole }
    : { part, whole, percent: (part / whole) * 100 };
}

/** A tally per key. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string, amount = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + amount);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Largest first, then by key, so every list reads the same way each time. */
  ranked(): Array<[string, number]> {
    return [...this.counts.entries()].sort(
      ([keyA, a], [keyB, b]) => b - a || compareText(keyA, keyB),
    );
  }
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** A record with every key of `keys` at 0, then the tally's counts. */
export function recordOf<K extends string>(
  keys: readonly K[],
  tally: Tally,
): Record<K, number> {
  return Object.fromEntries(keys.map(key => [key, tally.get(key)])) as Record<
    K,
    number
  >;
}

/** The distinct values of a list, in first-seen order (a ref named twice counts once). */
export function distinct<T>(values: readonly T[]): readonly T[] {
  // Most tickets name one system: nothing to copy (the maths runs per clock of every ticket).
  return values.length < 2 ? values : [...new Set(values)];
}
