/**
 * Paging outbox benchmark (issue 23; a measurement, not a test). For each
 * database it creates a scratch database (SQLite: a file in a temporary
 * folder; PostgreSQL: `courtops_bench_paging`, dropped and created again),
 * runs the paging migrations through the store, seeds a year of pages
 * (default 3,000 pages, three deliveries each, nearly all sent or
 * acknowledged) plus 50 pages due now, and times what each pager sweep
 * does: the due escalations, claiming the due deliveries with their
 * leases, finishing each, and the next wake-up instant.
 *
 *   yarn tsx scripts/bench/paging-outbox.ts [--pages 3000] [--db sqlite|postgres|both] [--rounds 20]
 *
 * Run it at the realistic scale and at 10× (`--pages 30000`).
 */
import knexFactory, { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PagingStore } from '@internal/plugin-paging-backend';
import { arg } from './lib';

const PAGES = Number(arg('pages') ?? '3000');
const ROUNDS = Number(arg('rounds') ?? '20');
const NOW = '2026-12-05T19:00:00.000Z';
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

let serial = 0;
const code = () => {
  serial += 1;
  let text = '';
  for (
    let rest = serial;
    text.length < 10;
    rest = Math.floor(rest / ALPHABET.length)
  ) {
    text = ALPHABET[rest % ALPHABET.length] + text;
  }
  return text;
};

function pageRow(i: number, open: boolean) {
  const created = new Date(
    Date.parse(NOW) - (open ? 0 : (i + 1) * 3_600_000),
  ).toISOString();
  return {
    id: randomUUID(),
    event_key: `ticket:${i}:created`,
    ticket_id: randomUUID(),
    event: JSON.stringify({
      key: `ticket:${i}:created`,
      kind: 'ticket-created',
      ticketNumber: `INC-2026-${String(i).padStart(5, '0')}`,
      level: 'L1',
      title: '第三审判庭庭审音视频中断',
      at: created,
    }),
    tiers: JSON.stringify([
      { role: 'on-call', recipients: ['user:default/zhangwei'] },
      { role: 'ops-manager', recipients: ['group:default/ops-managers'] },
    ]),
    first_tier: 0,
    tier: open ? 0 : 1,
    next_escalation_at: open ? '2026-12-05T19:10:00.000Z' : null,
    status: open ? 'open' : 'acknowledged',
    created_at: created,
  };
}

function deliveryRows(pageId: string, open: boolean, dueAt: string) {
  return ['zhangwei', 'wangqiang', 'sunlei'].map((name, tier) => ({
    id: randomUUID(),
    page_id: pageId,
    tier,
    recipient: `user:default/${name}`,
    route: JSON.stringify([
      { channel: 'wecomApp', address: name },
      { channel: 'sms', address: '13800000001' },
    ]),
    channel_index: 0,
    attempt: 0,
    due_at: dueAt,
    status: open ? 'pending' : 'sent',
    ack_code: code(),
    reply_code: String(serial).padStart(6, '0'),
    sent_at: open ? null : dueAt,
  }));
}

async function seed(db: Knex) {
  const pages = [];
  const deliveries = [];
  for (let i = 0; i < PAGES + 50; i++) {
    const open = i >= PAGES;
    const page = pageRow(i, open);
    pages.push(page);
    deliveries.push(...deliveryRows(page.id, open, page.created_at));
  }
  await db.batchInsert('paging_pages', pages, 500);
  await db.batchInsert('paging_deliveries', deliveries, 500);
  return deliveries.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(name: string, db: Knex) {
  const store = await PagingStore.fromKnex(db);
  const rows = await seed(db);
  const timings: Record<string, number[]> = {
    escalations: [],
    claim: [],
    finish: [],
    nextDue: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    const owner = randomUUID();
    // Each round a new instant past the previous leases, so the same 150 are due again.
    const now = new Date(Date.parse(NOW) + round * 120_000).toISOString();
    const leaseUntil = new Date(Date.parse(now) + 60_000).toISOString();
    let t = performance.now();
    await store.dueEscalations(now, 50);
    timings.escalations.push(performance.now() - t);
    t = performance.now();
    const claimed = await store.claimDue(now, owner, leaseUntil, 50);
    timings.claim.push(performance.now() - t);
    t = performance.now();
    for (const d of claimed) {
      await store.finish(d.id, owner, {
        status: 'pending',
        dueAt: now,
        channelIndex: 0,
        attempt: 0,
        error: 'bench',
      });
    }
    timings.finish.push((performance.now() - t) / Math.max(1, claimed.length));
    t = performance.now();
    await store.nextDue();
    timings.nextDue.push(performance.now() - t);
  }
  console.log(
    `${name}: ${
      PAGES + 50
    } pages, ${rows} deliveries; median ms — due escalations ${median(
      timings.escalations,
    ).toFixed(1)}, claim 50 ${median(timings.claim).toFixed(
      1,
    )}, finish one ${median(timings.finish).toFixed(2)}, next wake-up ${median(
      timings.nextDue,
    ).toFixed(1)}`,
  );
}

async function main() {
  const which = arg('db') ?? 'both';
  if (which !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'paging-bench-'));
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'paging.sqlite') },
      useNullAsDefault: true,
    });
    try {
      await db.raw('PRAGMA journal_mode = WAL');
      await measure('SQLite', db);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (which !== 'sqlite') {
    const admin = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    await admin.raw('DROP DATABASE IF EXISTS courtops_bench_paging');
    await admin.raw('CREATE DATABASE courtops_bench_paging');
    const db = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:5432/courtops_bench_paging',
    });
    try {
      await measure('PostgreSQL 15', db);
    } finally {
      await db.destroy();
      await admin.raw('DROP DATABASE IF EXISTS courtops_bench_paging');
      await admin.destroy();
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
