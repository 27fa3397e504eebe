/**
 * Monitoring intake benchmark (a measurement, not a test: it exits 0 when a
 * goal is missed, and says so). A burst of alerts from Alertmanager at a fixed
 * rate (open loop: each delivery leaves on its schedule, whatever the answers
 * before it), over HTTP into the real monitoring and tickets backends on the
 * court's real policy, on SQLite files and on PostgreSQL:
 *
 *  - 10,000 deliveries over 100 fingerprints (100 devices in 10 systems) at
 *    500 deliveries per second; each delivery is one firing alert, so every
 *    fingerprint is delivered 100 times (Alertmanager's repeats and retries);
 *  - goals: exactly 100 incidents (tickets), occurrences adding up to every
 *    delivery (nothing lost), webhook p99 ≤ 200 ms.
 *
 *   yarn tsx scripts/bench/monitoring.ts [--deliveries 10000] [--fingerprints 100] [--rate 500] [--db sqlite|postgres|both]
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
import { percentile, PG } from './lib';

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

/** 100 devices over 10 systems, each with the IP its alerts carry. */
function devices() {
  return Array.from({ length: FINGERPRINTS }, (_, i) => ({
    name: `bench-sw-${i}`,
    system: `bench-system-${i % 10}`,
    ip: `10.${100 + Math.floor(i / 250)}.${Math.floor(i / 250) % 250}.${
      (i % 250) + 1
    }`,
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
        fingerprint: `bench${String(i % list.length).padStart(11, '0')}`,
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
  const list = devices();
  const backend = await startMonitoringBackend({
    databases: knexes,
    entities: [
      ...list.map(
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
      ...Array.from(
        { length: 10 },
        (_, i): Entity => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: `bench-system-${i}`, namespace: 'default' },
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

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  // Why deliveries failed, each reason once.
  const failures = new Set<string>();
  const started = performance.now();
  // CPU of this process (the backends and the load generator) over the burst:
  // per delivery, a figure that depends less on the machine's other load.
  const cpuBefore = process.cpuUsage();
  const interval = 1000 / RATE;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < DELIVERIES; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(resolve => setTimeout(resolve, wait));
    const sent = performance.now();
    inFlight.push(
      fetch(`${base}/api/monitoring/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: bodies[i],
      })
        .then(async res => {
          const text = await res.text();
          latencies.push(performance.now() - sent);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status !== 200)
            failures.add(`${res.status} ${text.slice(0, 200)}`);
        })
        .catch((error: Error & { cause?: { code?: string } }) => {
          statuses.error = (statuses.error ?? 0) + 1;
          failures.add(`error ${error.cause?.code ?? error.message}`);
        }),
    );
  }
  await Promise.all(inFlight);
  const answered = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (answered - started) / 1000;

  // The receivers answer before filing: wait (a minute at most) for the
  // filer to drain the outbox, and measure how long that took.
  const read = () =>
    fetch(`${base}/api/monitoring/incidents?limit=500`, {
      headers: { authorization: as('lina') },
    }).then(
      async r =>
        (await r.json()) as Array<{
          ticketNumber?: string;
          occurrences: number;
        }>,
    );
  let incidents = await read();
  while (
    incidents.some(i => !i.ticketNumber) &&
    performance.now() - answered < 60_000
  ) {
    await new Promise(resolve => setTimeout(resolve, 200));
    incidents = await read();
  }
  const filedAfter = (performance.now() - answered) / 1000;
  const tickets = await knexes
    .tickets('tickets')
    .where({ channel: 'monitoring' })
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
  for (const failure of [...failures].slice(0, 5))
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
