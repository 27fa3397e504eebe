import { performance } from 'node:perf_hooks';

export interface YieldOptions {
  /** Share of a probe the event loop may be busy for the work to go ahead, e.g. 0.5. */
  readonly busyShare: number;
  /** How long one probe watches the loop. */
  readonly probeMs: number;
  /** Longest wait: after it the work goes ahead however busy the loop is. */
  readonly maxWaitMs: number;
}

export const DEFAULT_YIELD: YieldOptions = {
  busyShare: 0.5,
  probeMs: 50,
  maxWaitMs: 1000,
};

/**
 * Waits until this process's event loop has had room (busy less than `busyShare` of a probe),
 * or `maxWaitMs` at most: background work (an outbox filing tickets) calls it before each heavy
 * step, so that during a burst of requests the requests are answered first and the background
 * work takes what the loop has left, instead of queueing seconds of work ahead of them. Node
 * has no priorities; this is the nearest thing.
 *
 * @returns `quiet` when the loop had room, `busy` when the longest wait ran out
 */
export async function yieldToRequests(
  options: YieldOptions = DEFAULT_YIELD,
): Promise<'quiet' | 'busy'> {
  const deadline = performance.now() + options.maxWaitMs;
  do {
    const before = performance.eventLoopUtilization();
    await new Promise(resolve => setTimeout(resolve, options.probeMs));
    if (
      performance.eventLoopUtilization(before).utilization < options.busyShare
    ) {
      return 'quiet';
    }
  } while (performance.now() < deadline);
  return 'busy';
}
