import { performance } from 'node:perf_hooks';
import {
  isMainThread,
  parentPort,
  Worker,
  workerData,
} from 'node:worker_threads';

/** A burst to send: the same URL and headers, one body per request, at a fixed rate. */
export interface OpenLoopBurst {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly bodies: readonly string[];
  /** Requests per second. */
  readonly rate: number;
}

export interface OpenLoopResult {
  /** Milliseconds from each request's scheduled instant to its whole answer, in sending order. */
  readonly latencies: number[];
  /** HTTP status (or `error`) → count. */
  readonly statuses: Record<string, number>;
  /** Why requests failed, each reason once. */
  readonly failures: string[];
  /** Seconds from the first scheduled request to the last answer. */
  readonly seconds: number;
}

/**
 * Sends the burst open loop (each request leaves at its instant, whatever the answers before
 * it) from a worker thread: its own event loop and core, as a real sender (Alertmanager, a
 * phone) is another process, so the server under test is timed without the load generator's
 * work queued beside it on the same loop. Latency counts from the scheduled instant, so a late
 * send is charged to the measurement (no coordinated omission).
 */
export function sendOpenLoop(burst: OpenLoopBurst): Promise<OpenLoopResult> {
  return new Promise((resolve, reject) => {
    // tsx's loader is in execArgv, which a worker inherits: it runs this same .ts file.
    const worker = new Worker(new URL(import.meta.url), { workerData: burst });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', code => {
      if (code !== 0) reject(new Error(`open-loop sender exited with ${code}`));
    });
  });
}

async function send(burst: OpenLoopBurst): Promise<OpenLoopResult> {
  const latencies = new Array<number>(burst.bodies.length);
  const statuses: Record<string, number> = {};
  const failures = new Set<string>();
  const interval = 1000 / burst.rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < burst.bodies.length; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(r => setTimeout(r, wait));
    inFlight.push(
      fetch(burst.url, {
        method: 'POST',
        headers: burst.headers,
        body: burst.bodies[i],
      })
        .then(async res => {
          const text = await res.text();
          latencies[i] = performance.now() - due;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 300)
            failures.add(`${res.status} ${text.slice(0, 200)}`);
        })
        .catch((error: Error & { cause?: { code?: string } }) => {
          latencies[i] = performance.now() - due;
          statuses.error = (statuses.error ?? 0) + 1;
          failures.add(`error ${error.cause?.code ?? error.message}`);
        }),
    );
  }
  await Promise.all(inFlight);
  return {
    latencies,
    statuses,
    failures: [...failures],
    seconds: (performance.now() - started) / 1000,
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void send(workerData as OpenLoopBurst).then(result =>
    port.postMessage(result),
  );
}
