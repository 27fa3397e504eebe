/**
 * Monitoring intake benchmark (a measurement, not a test: it exits 0 when a
 * goal is missed, and says so). A burst of alerts from Alertmanager at a fixed
 * rate (open loop: each delivery leaves on its schedule, whatever the answers
 * before it, from a worker thread as Alertmanager is another process; latency
 * counts from that schedule), over HTTP into the real monitoring and tickets
 * backends on the court's real policy, on SQLite files and on PostgreSQL:
 *
 *  - 10,000 deliveries over 100 fingerprints (100 devices in 10 systems) at
 *    500 deliveries per second; each delivery is one firing alert, so every
 *    fingerprint is delivered 100 times (Alertmanager's repeats and retries);
 *  - goals: exactly 100 incidents (tickets), occurrences adding up to every
 *    delivery (nothing lost), webhook p99 ≤ 200 ms.
 *
 *   yarn tsx scripts/bench/monitoring.ts [--deliveries 10000] [--fingerprints 100] [--rate 500] [--db sqlite|postgres|both]
 *       [--warm-up 2000]  deliveries of 100 other devices first, at the same rate (0: none)
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust); the scratch databases
 * courtops_bench_mon_m and courtops_bench_mon_t are created and dropped.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  SUBJECTS,
  as,
  startMonitoringBackend,
} from '@internal/plugin-monitoring-backend/testUtils';
import { percentile, PG, sendOpenLoop } from './lib';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const DELIVERIES = Number(option('deliveries', '10000'));
const FINGERPRINTS = Number(option('fingerprints', '100'));
const RATE = Number(option('rate', '500'));
const DBS = option('db', 'both');
const GOAL_P99_MS = 200;
/** Deliveries of the warm-up before the measured burst (0: measure a cold start). */
const WARM_UP = Number(option('warm-up', String(RATE * 4)));

/**
 * 100 devices over 10 systems, each with the IP its alerts carry and the fingerprint of its
 * alert; `kind` tells the measured devices from those of the warm-up.
 */
function devices(kind: 'bench' | 'warm') {
  const net = kind === 'bench' ? 100 : 200;
  return Array.from({ length: FINGERPRINTS }, (_, i) => ({
    name: `${kind}-sw-${i}`,
    system: `${kind}-system-${i % 10}`,
    ip: `10.${net + Math.floor(i / 250)}.${Math.floor(i / 250) % 250}.${
      (i % 250) + 1
    }`,
    fingerprint: `${kind}${String(i).padStart(11, '0')}`,
  }));
}

function delivery(i: number, list: ReturnType<typeof devices>) {
  const device = list[i % list.length];
  return {
    version: '4',
    groupKey: `{}:{alertname="PortDown",instance="${device.ip}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'court-ops',
    groupLabels: { alertname: 'PortDown' },
    commonLabels: { alertname: 'PortDown' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: 'PortDown',
          severity: 'major',
          instance: `${device.ip}:9116`,
        },
        annotations: { summary: `端口中断 ${device.name}` },
        startsAt: '2026-12-06T01:59:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph',
        fingerprint: device.fingerprint,
      },
    ],
  };
}

async function scratchPostgres(name: string): Promise<Knex> {
  const admin = knexFactory({ client: 'pg', connection: PG });
  await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
  await admin.raw(`CREATE DATABASE ${name}`);
  await admin.destroy();
  return knexFactory({
    client: 'pg',
    connection: { ...PG, database: name },
    pool: { min: 0, max: 10 },
  });
}

async function dropPostgres(name: string) {
  const admin = knexFactory({ client: 'pg', connection: PG });
  await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
  await admin.destroy();
}

async function run(db: 'sqlite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-monitoring-'));
  const sqlite = (file: string) =>
    knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, file) },
      useNullAsDefault: true,
    });
  const knexes =
    db === 'sqlite'
      ? {
          monitoring: sqlite('monitoring.sqlite'),
          tickets: sqlite('tickets.sqlite'),
        }
      : {
          monitoring: await scratchPostgres('courtops_bench_mon_m'),
          tickets: await scratchPostgres('courtops_bench_mon_t'),
        };
  const list = devices('bench');
  const warmList = devices('warm');
  const backend = await startMonitoringBackend({
    databases: knexes,
    entities: [
      ...[...list, ...warmList].map(
        (d): Entity => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: d.name,
            namespace: 'default',
            annotations: { 'court-ops.io/ip': d.ip },
          },
          spec: {
            type: 'access-switch',
            system: d.system,
            owner: 'group:default/hardware-post',
          },
        }),
      ),
      ...[...new Set([...list, ...warmList].map(d => d.system))].map(
        (name): Entity => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name, namespace: 'default' },
          spec: { owner: 'group:default/court-it-office' },
        }),
      ),
    ],
  });
  const base = `http://127.0.0.1:${
    (backend.server.address() as AddressInfo).port
  }`;
  const token = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(SUBJECTS.alertmanager),
    targetPluginId: 'monitoring',
  });
  const bodies = Array.from({ length: DELIVERIES }, (_, i) =>
    JSON.stringify(delivery(i, list)),
  );
  const burst = {
    url: `${base}/api/monitoring/alertmanager`,
    headers: { 'content-type': 'application/json', authorization: token },
    rate: RATE,
  };

  // The incidents and their tickets, of the measured devices or of the warm-up's.
  const read = async (kind: 'bench' | 'warm') => {
    const res = await fetch(`${base}/api/monitoring/incidents?limit=500`, {
      headers: { authorization: as('lina') },
    });
    const all = (await res.json()) as Array<{
      fingerprint: string;
      ticketNumber?: string;
      occurrences: number;
    }>;
    // Stored fingerprints carry their source: `alertmanager:bench00000000042`.
    return all.filter(i => i.fingerprint.startsWith(`alertmanager:${kind}`));
  };
  /** Waits (a minute at most) until every incident of `kind` has its ticket. */
  const filed = async (kind: 'bench' | 'warm') => {
    const since = performance.now();
    let incidents = await read(kind);
    while (
      incidents.some(i => !i.ticketNumber) &&
      performance.now() - since < 60_000
    ) {
      await new Promise(resolve => setTimeout(resolve, 200));
      incidents = await read(kind);
    }
    return incidents;
  };

  // A running portal meets a storm with its code compiled, its database connections and
  // Alertmanager's open: warm up first with other devices' alerts at the same rate, and wait
  // until their incidents are filed. The warm-up's own tail is the figure for a cold start.
  if (WARM_UP > 0) {
    const warmUp = await sendOpenLoop({
      ...burst,
      bodies: Array.from({ length: WARM_UP }, (_, i) =>
        JSON.stringify(delivery(i, warmList)),
      ),
    });
    const warmSorted = warmUp.latencies.slice().sort((a, b) => a - b);
    const warmIncidents = await filed('warm');
    console.log(
      `  warm-up (a cold start): ${WARM_UP} deliveries of ${
        warmList.length
      } other devices, ${JSON.stringify(warmUp.statuses)}, p50 ${percentile(
        warmSorted,
        50,
      ).toFixed(1)} ms, p99 ${percentile(warmSorted, 99).toFixed(
        1,
      )} ms, max ${warmSorted[warmSorted.length - 1].toFixed(0)} ms; ${
        warmIncidents.filter(i => i.ticketNumber).length
      } incidents filed`,
    );
  }

  // CPU of this process over the burst (the backends, and the sender on its own thread) and
  // the share of the backends' event loop that was busy: per delivery, figures that depend less
  // on the machine's other load.
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  const { latencies, statuses, failures, seconds } = await sendOpenLoop({
    ...burst,
    bodies,
  });
  const answered = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const loop = performance.eventLoopUtilization(loopBefore);

  // The receivers answer before filing: wait for the filer to drain the
  // outbox, and measure how long that took.
  const incidents = await filed('bench');
  const filedAfter = (performance.now() - answered) / 1000;
  const tickets = await knexes
    .tickets('tickets')
    .where({ channel: 'monitoring' })
    .where('source_ref', 'like', 'monitoring:alertmanager:bench%')
    .count({ n: '*' });
  const occurrences = incidents.reduce((sum, i) => sum + i.occurrences, 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  const result = {
    db,
    deliveries: DELIVERIES,
    seconds: Number(seconds.toFixed(1)),
    perSecond: Math.round(DELIVERIES / seconds),
    statuses,
    p50: Number(percentile(sorted, 50).toFixed(1)),
    p95: Number(percentile(sorted, 95).toFixed(1)),
    p99: Number(p99.toFixed(1)),
    max: Number(sorted[sorted.length - 1].toFixed(1)),
    cpuMsPerDelivery: Number(
      ((cpu.user + cpu.system) / 1000 / DELIVERIES).toFixed(2),
    ),
    backendLoopMsPerDelivery: Number((loop.active / DELIVERIES).toFixed(2)),
    backendLoopBusy: Number(loop.utilization.toFixed(2)),
    incidents: incidents.length,
    withTicket: incidents.filter(i => i.ticketNumber).length,
    filedSecondsAfterBurst: Number(filedAfter.toFixed(1)),
    tickets: Number(tickets[0].n),
    occurrences,
    load: loadavg()
      .map(l => l.toFixed(2))
      .join(' '),
  };
  console.log(JSON.stringify(result));
  // Where in the burst the tail is: the slowest answer to the deliveries sent in each second.
  const perSecond = Array.from(
    { length: Math.ceil(DELIVERIES / RATE) },
    (_, s) => Math.max(...latencies.slice(s * RATE, (s + 1) * RATE)),
  );
  console.log(
    `  slowest answer by second sent (ms): ${perSecond
      .map(ms => ms.toFixed(0))
      .join(' ')}`,
  );
  for (const failure of failures.slice(0, 5))
    console.log(`  failed: ${failure}`);
  const goals = [
    [
      `exactly ${FINGERPRINTS} incidents`,
      result.tickets === FINGERPRINTS && result.incidents === FINGERPRINTS,
    ],
    [
      'nothing lost',
      occurrences === DELIVERIES && (statuses['200'] ?? 0) === DELIVERIES,
    ],
    [`p99 ≤ ${GOAL_P99_MS} ms`, p99 <= GOAL_P99_MS],
  ] as const;
  for (const [goal, met] of goals) {
    console.log(`  ${met ? 'met   ' : 'MISSED'} ${goal}`);
  }
  await backend.stop();
  await knexes.monitoring.destroy();
  await knexes.tickets.destroy();
  if (db === 'postgres') {
    await dropPostgres('courtops_bench_mon_m');
    await dropPostgres('courtops_bench_mon_t');
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  console.log(
    `monitoring intake: ${DELIVERIES} deliveries over ${FINGERPRINTS} fingerprints at ${RATE}/s`,
  );
  if (DBS !== 'postgres') await run('sqlite');
  if (DBS !== 'sqlite') await run('postgres');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
