/**
 * Ticket create time with and without the audit sink: the tickets plugin in a test backend on
 * the court's real policy (as its own tests start it), on one database, once with Backstage's
 * default auditor (log lines only) and once with the court's auditor, the sink and the audit
 * plugin writing the chain. Creates go over HTTP one after another; the modes alternate in
 * rounds so that other load on the machine falls on both alike.
 */
import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { mockServices } from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import knexFactory from 'knex';
import { performance } from 'node:perf_hooks';
import { AddressInfo } from 'node:net';
import auditPlugin from '@internal/plugin-audit-backend';
import { courtAuditorServiceFactory } from '@internal/plugin-audit-node';
import {
  as,
  newIncident,
  startTicketsBackend,
} from '@internal/plugin-tickets-backend/testUtils';
import { percentile, PG } from '../lib';

const PG_PREFIX = 'courtops_bench_audit_c_';

export interface CreateTimes {
  readonly mean: number;
  readonly p95: number;
  readonly count: number;
}

/** Backstage's own database service: a database (SQLite file, PostgreSQL database) per plugin. */
function databaseConfig(kind: 'sqlite' | 'postgres', dir: string) {
  return kind === 'sqlite'
    ? { client: 'better-sqlite3', connection: { directory: dir } }
    : { client: 'pg', connection: PG, prefix: PG_PREFIX };
}

async function dropPg(): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
  try {
    const { rows } = await admin.raw(
      `select datname from pg_database where datname like 'courtops\\_bench\\_audit\\_c\\_%'`,
    );
    for (const { datname } of rows as { datname: string }[]) {
      if (datname.startsWith(PG_PREFIX)) {
        // The last backend's pool may still hold a session.
        await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await admin.destroy();
  }
}

async function run(
  database: object,
  stored: boolean,
  creates: number,
): Promise<number[]> {
  const quiet = mockServices.rootLogger.factory({ level: 'error' });
  const backend = await startTicketsBackend({
    config: { backend: { database } },
    features: stored
      ? [databaseServiceFactory, quiet, courtAuditorServiceFactory, auditPlugin]
      : [databaseServiceFactory, quiet, auditorServiceFactory],
  });
  const { port } = backend.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/tickets/tickets`;
  const headers = {
    authorization: as('lina'),
    'content-type': 'application/json',
  };
  const body = JSON.stringify(newIncident({ urgency: 'low', impact: 'small' }));
  const times: number[] = [];
  try {
    for (let i = 0; i < creates + 20; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`create answered ${res.status}`);
      // The first creates warm the caches and the JIT.
      if (i >= 20) times.push(performance.now() - t0);
    }
  } finally {
    await backend.stop();
  }
  return times;
}

function stats(times: number[]): CreateTimes {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p95: percentile(sorted, 95),
    count: times.length,
  };
}

export async function measureCreates(options: {
  kind: 'sqlite' | 'postgres';
  dir: string;
  creates: number;
  rounds: number;
}): Promise<{ without: CreateTimes; withSink: CreateTimes }> {
  if (options.kind === 'postgres') await dropPg();
  const database = databaseConfig(options.kind, options.dir);
  const without: number[] = [];
  const withSink: number[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      const order = round % 2 === 0 ? [false, true] : [true, false];
      for (const stored of order) {
        const times = await run(database, stored, options.creates);
        (stored ? withSink : without).push(...times);
        const s = stats(times);
        console.log(
          `    round ${round + 1} ${
            stored ? 'stored  ' : 'log only'
          }: mean ${s.mean.toFixed(2)} ms, p95 ${s.p95.toFixed(1)} ms (${
            s.count
          } creates)`,
        );
      }
    }
  } finally {
    if (options.kind === 'postgres') await dropPg();
  }
  return { without: stats(without), withSink: stats(withSink) };
}
