/**
 * Loopback load with autocannon. Latency percentiles are computed from every
 * response time autocannon measured (its per-response `response` event), so
 * p95 is a real p95 and not read off its fixed percentile list (which has
 * p90 and p97.5 but no p95). Only 2xx responses count towards latency, as in
 * autocannon's own histogram.
 */
import autocannon from 'autocannon';
import { cpuSample, cpuShare, CpuShare, prioritisePostgres } from './cpu';
import { percentile } from '../lib';

export interface LoadResult {
  readonly name: string;
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** autocannon's own figures, for a cross-check */
  readonly autocannonP50: number;
  readonly autocannonP97_5: number;
  readonly statusCodes: Record<string, number>;
  readonly cpu: CpuShare;
}

export interface LoadOptions {
  readonly url: string;
  readonly token: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  /** Paths (appended to url) to rotate through, one per request. */
  readonly paths?: readonly string[];
  /** Bodies to rotate through (POST). */
  readonly bodies?: readonly unknown[];
  /** The backend's process group (each replica's), for its CPU share. */
  readonly backendPgids?: readonly number[];
  /** With --priority: the nice value to give this bench's PostgreSQL processes. */
  readonly nice?: number;
}

export async function load(
  name: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let n = 0;
  const paths = options.paths;
  const bodies = options.bodies?.map(b => JSON.stringify(b));
  const started = performance.now();
  if (options.nice !== undefined) prioritisePostgres(options.nice);
  const before = cpuSample(options.backendPgids ?? []);
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      method: options.method ?? 'GET',
      headers: {
        authorization: `Bearer ${options.token}`,
        // As a browser asks; the backend compresses JSON responses.
        'accept-encoding': 'gzip, deflate',
        ...(bodies ? { 'content-type': 'application/json' } : {}),
      },
      requests: [
        {
          setupRequest: req => {
            const i = n++;
            const out = { ...req };
            if (paths) out.path = paths[i % paths.length];
            if (bodies) out.body = bodies[i % bodies.length];
            return out;
          },
        },
      ],
    },
    (error, result) => (error ? failed(error) : done(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await finished;
  const cpu = cpuShare(before, cpuSample(options.backendPgids ?? []));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    name,
    requests: total,
    ok: latencies.length,
    non2xx: total - latencies.length,
    errors: result.errors + result.timeouts,
    seconds,
    perSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    autocannonP50: result.latency.p50,
    autocannonP97_5: result.latency.p97_5,
    statusCodes,
    cpu,
  };
}
