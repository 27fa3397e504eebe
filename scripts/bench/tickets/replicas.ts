/**
 * N replicas of the backend on one PostgreSQL database set, behind Debian's HAProxy (round robin,
 * health-checked as docs/operations.md says to run them), for the tickets benchmark's
 * two-replica row: the queue and the creates through the balancer, with every replica's CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Backend, freePort, startBackend } from './backend';

export const HAPROXY = '/usr/sbin/haproxy';

/**
 * Pools bounded as app-config.production.yaml bounds them: at knex's default of 10 a plugin,
 * two replicas of 21 plugins could ask PostgreSQL for more than its default 100 connections.
 */
export const REPLICA_POOLS_OVERLAY = `# Written by scripts/bench/tickets/replicas.ts
backend:
  database:
    knexConfig:
      pool:
        max: 3
    plugin:
      tickets:
        knexConfig:
          pool:
            max: 6
`;

export interface Replicas {
  /** The balancer's address. */
  readonly baseUrl: string;
  /** Each replica's process group. */
  readonly pgids: readonly number[];
  stop(): Promise<void>;
}

/**
 * Starts `count` replicas one after the other (the first creates and migrates the databases),
 * then HAProxy in front of them; resolves once the balancer answers the readiness check.
 */
export async function startReplicas(options: {
  count: number;
  work: string;
  start: (
    replica: string,
    overrides: Pick<Parameters<typeof startBackend>[0], 'dataDir' | 'logFile'>,
  ) => Promise<Backend>;
}): Promise<Replicas> {
  if (!existsSync(HAPROXY)) {
    throw new Error(`${HAPROXY} is missing: apt-get install haproxy`);
  }
  const backends: Backend[] = [];
  let balancer: ChildProcess | undefined;
  const stop = async () => {
    balancer?.kill('SIGTERM');
    await Promise.all(backends.map(b => b.stop()));
  };
  try {
    for (let i = 0; i < options.count; i++) {
      const name = `replica-${i + 1}`;
      const dataDir = join(options.work, name);
      mkdirSync(dataDir, { recursive: true });
      backends.push(
        await options.start(name, {
          dataDir,
          logFile: join(options.work, `${name}.log`),
        }),
      );
    }
    const port = await freePort();
    const config = join(options.work, 'haproxy.cfg');
    writeFileSync(
      config,
      [
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 120s',
        '  timeout server 120s',
        // A replica busy with the load answers its health check slowly: not down for that.
        '  timeout check 10s',
        'frontend court',
        `  bind 127.0.0.1:${port}`,
        '  default_backend replicas',
        'backend replicas',
        '  balance roundrobin',
        '  option httpchk GET /.backstage/health/v1/readiness',
        ...backends.map(
          (b, i) =>
            `  server r${i + 1} 127.0.0.1:${
              new URL(b.baseUrl).port
            } check inter 2s fall 3 rise 1`,
        ),
        '',
      ].join('\n'),
    );
    const output: string[] = [];
    balancer = spawn(HAPROXY, ['-f', config, '-db'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    balancer.stdout!.on('data', chunk => output.push(String(chunk)));
    balancer.stderr!.on('data', chunk => output.push(String(chunk)));
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(
        `${baseUrl}/.backstage/health/v1/readiness`,
      ).catch(() => undefined);
      if (res?.ok) break;
      if (attempt >= 100) {
        throw new Error(`HAProxy did not answer:\n${output.join('')}`);
      }
      await new Promise(r => setTimeout(r, 100));
    }
    return { baseUrl, pgids: backends.map(b => b.pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
