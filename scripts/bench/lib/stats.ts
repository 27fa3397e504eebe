import { performance } from 'node:perf_hooks';

/** The `p`th percentile (0..100) of ascending `sorted`, by nearest rank; NaN of none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** p50, p95 and max of durations in milliseconds, in any order. */
export function timingOf(durations: readonly number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

/**
 * Runs `fn` `rounds` times one after another and times each, the JSON answer
 * included (as a route would send it).
 */
export async function time(
  rounds: number,
  fn: (round: number) => Promise<unknown>,
): Promise<Timing> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    JSON.stringify(await fn(i));
    ms.push(performance.now() - start);
  }
  return timingOf(ms);
}
