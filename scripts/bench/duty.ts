/**
 * Duty benchmark, issue #15 (a measurement, not a test: it exits 0 when a goal is missed, and
 * says so).
 *
 *  1. Generating and checking a month's roster (duty-common's generateRoster and checkRoster, as
 *     `POST /rosters/:month/generate` runs them) for 20 engineers and 6 posts, and at 10× (200
 *     engineers, 60 posts). Goal: ≤ 200 ms at the realistic scale.
 *  2. "Who is on call now" with 5 years of rosters stored (every month generated for the same
 *     team, 2022–2026), on SQLite (a file) and PostgreSQL (`courtops_bench_duty`, dropped and made
 *     again): the store's query for the shifts running at an instant and `onCallAt`, as
 *     `GET /on-call` runs them, at random instants. Goal: p95 ≤ 5 ms.
 *
 *   yarn tsx scripts/bench/duty.ts [--db sqlite|postgres|both] [--scale 1|10] [--queries 2000]
 *
 * PostgreSQL: 127.0.0.1:5432 as postgres (trust).
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { OfficialSchedule } from '@internal/plugin-sla-common';
import {
  checkRoster,
  courtDayKind,
  datesOfMonth,
  defaultDutyConfig,
  DutyConfig,
  generateRoster,
  monthPlus,
  onCallAt,
  shiftInstants,
} from '@internal/plugin-duty-common';
import { DutyStore } from '@internal/plugin-duty-backend';
import {
  arg,
  type BenchDatabase,
  databasesArg,
  flag,
  openScratchDatabase,
  percentile,
} from './lib';

const GOAL_GENERATE_MS = 200;
const GOAL_ON_CALL_P95_MS = 5;
const PG_DATABASE = 'courtops_bench_duty';

const options = {
  dbs: databasesArg(),
  scales: arg('scale') ? [Number(arg('scale'))] : [1, 10],
  queries: Number(arg('queries') ?? '2000'),
};

const official = OfficialSchedule.fromChineseDays();
const dayKindOf = (date: string) => courtDayKind(official, date);

/** `engineers` engineers over `posts` posts (each may stand its own post and the next). */
function team(engineers: number, posts: number): DutyConfig {
  return defaultDutyConfig({
    posts: Array.from({ length: posts }, (_, i) => ({
      id: `post-${i}`,
      name: `岗位 ${i}`,
    })),
    onSite: { perPost: 2 },
    engineers: Array.from({ length: engineers }, (_, i) => ({
      ref: `user:default/engineer-${i}`,
      posts: [`post-${i % posts}`, `post-${(i + 1) % posts}`],
    })),
  });
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function benchGenerate(scale: number) {
  const config = team(20 * scale, 6 * scale);
  const context = { config, leaves: [], isApproved: () => true };
  const month = '2026-10';
  const dates = datesOfMonth(month);
  const times: number[] = [];
  let shifts = 0;
  let problems = 0;
  for (let round = 0; round < (scale === 1 ? 30 : 5); round++) {
    const start = performance.now();
    const roster = generateRoster({ month, context, dayKindOf });
    problems = checkRoster(roster, dates, context).length;
    times.push(performance.now() - start);
    shifts = roster.length;
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const goal =
    scale === 1
      ? ` (goal ≤ ${GOAL_GENERATE_MS} ms: ${
          median <= GOAL_GENERATE_MS ? 'met' : 'MISSED'
        })`
      : '';
  console.log(
    `generate + check ${month}: ${config.engineers.length} engineers, ${
      config.posts.length
    } posts, ${shifts} shifts, ${problems} problems: median ${ms(
      median,
    )}, max ${ms(Math.max(...times))}${goal}`,
  );
}

async function benchOnCall(db: BenchDatabase, scale: number) {
  const config = team(20 * scale, 6 * scale);
  const context = { config, leaves: [], isApproved: () => true };
  const { knex, cleanup } = await openScratchDatabase(db, {
    name: 'duty',
    pgDatabase: PG_DATABASE,
  });
  try {
    const store = await DutyStore.fromKnex(knex);
    let month = '2022-01';
    let stored = 0;
    const seedStart = performance.now();
    for (let i = 0; i < 60; i++, month = monthPlus(month, 1)) {
      const slots = generateRoster({ month, context, dayKindOf });
      const shifts = slots.map(s => ({
        ...s,
        month,
        ...shiftInstants(config, s.date, s.kind),
      }));
      await store.transaction(tx =>
        tx.saveGenerated(
          month,
          shifts,
          'bench',
          '2021-12-01T00:00:00.000Z',
          false,
        ),
      );
      stored += shifts.length;
    }
    const seeded = performance.now() - seedStart;
    if (flag('explain')) {
      const at = '2024-06-15T13:00:00.000Z';
      const query = knex('duty_shifts')
        .where('starts_at', '<=', at)
        .andWhere('starts_at', '>', '2024-06-14T13:00:00.000Z')
        .andWhere('ends_at', '>', at)
        .whereNotNull('engineer')
        .toString();
      const plan = await knex.raw(
        db === 'sqlite'
          ? `EXPLAIN QUERY PLAN ${query}`
          : `EXPLAIN ANALYZE ${query}`,
      );
      console.log(JSON.stringify(db === 'sqlite' ? plan : plan.rows, null, 1));
    }
    const from = DateTime.fromISO('2022-01-01T00:00:00Z').toMillis();
    const to = DateTime.fromISO('2026-12-31T00:00:00Z').toMillis();
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const times: number[] = [];
    let empty = 0;
    for (let q = 0; q < options.queries + 50; q++) {
      const at = DateTime.fromMillis(from + next() * (to - from), {
        zone: 'utc',
      });
      const start = performance.now();
      const running = await store.runningDuring(
        at.toISO()!,
        at.plus({ milliseconds: 1 }).toISO()!,
        at.minus({ days: 1 }).toISO()!,
      );
      const answer = onCallAt(
        running,
        at.setZone(config.zone).toISO()!,
        config,
      );
      const elapsed = performance.now() - start;
      if (!answer.first) empty++;
      if (q >= 50) times.push(elapsed); // the first ones warm the connection and the cache
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const goal =
      scale === 1
        ? ` (goal p95 ≤ ${GOAL_ON_CALL_P95_MS} ms: ${
            p95 <= GOAL_ON_CALL_P95_MS ? 'met' : 'MISSED'
          })`
        : '';
    console.log(
      `on call now, ${db}: ${stored} shifts (5 years, ${
        config.engineers.length
      } engineers, ${config.posts.length} posts, seeded in ${(
        seeded / 1000
      ).toFixed(1)} s), ${
        times.length
      } instants (${empty} without anyone): p50 ${ms(
        percentile(times, 50),
      )}, p95 ${ms(p95)}, max ${ms(Math.max(...times))}${goal}`,
    );
  } finally {
    await cleanup();
  }
}

async function main() {
  for (const scale of options.scales) {
    console.log(`--- scale ${scale}×`);
    benchGenerate(scale);
    for (const db of options.dbs) await benchOnCall(db, scale);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
