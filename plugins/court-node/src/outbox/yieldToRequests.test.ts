import { yieldToRequests } from './yieldToRequests';

/** Keeps the event loop busy `busyMs` out of every `periodMs` until stopped. */
function occupyLoop(busyMs: number, periodMs: number) {
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const until = Date.now() + busyMs;
    while (Date.now() < until) {
      // spinning: a request being served
    }
    setTimeout(tick, periodMs - busyMs);
  };
  tick();
  return () => {
    stopped = true;
  };
}

describe('yieldToRequests', () => {
  it('goes ahead after one probe when the loop is idle', async () => {
    await expect(
      yieldToRequests({ busyShare: 0.5, probeMs: 20, maxWaitMs: 2000 }),
    ).resolves.toBe('quiet');
  });

  it('waits while requests keep the loop busy, and goes ahead once they stop', async () => {
    const stop = occupyLoop(45, 50);
    let requestsStopped = false;
    setTimeout(() => {
      stop();
      requestsStopped = true;
    }, 300);
    await expect(
      yieldToRequests({ busyShare: 0.5, probeMs: 40, maxWaitMs: 5000 }),
    ).resolves.toBe('quiet');
    expect(requestsStopped).toBe(true);
  });

  it('goes ahead when the longest wait runs out, however busy the loop is', async () => {
    const stop = occupyLoop(45, 50);
    try {
      await expect(
        yieldToRequests({ busyShare: 0.5, probeMs: 40, maxWaitMs: 200 }),
      ).resolves.toBe('busy');
    } finally {
      stop();
    }
  });
});
