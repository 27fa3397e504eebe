/**
 * SLA engine benchmark (not a test): full clock state of 10,000 and 100,000
 * synthetic open tickets, resolution counted on the Chinese working-day
 * calendar under the contract's targets; then a naive reference that steps
 * minute by minute, on a sample, for the speed ratio and a check that both
 * give identical results.
 *
 *   yarn tsx scripts/bench/sla.ts [--sample 200]
 */
import { isWorkday } from 'chinese-days';
import { isDeepStrictEqual } from 'node:util';
import {
  ClockName,
  ClockStatus,
  ClockRule,
  IMPACTS,
  Impact,
  parseSlaConfig,
  PAUSE_REASONS,
  PriorityLevel,
  SlaEngine,
  SlaPolicy,
  SlaTicket,
  TicketEvent,
  URGENCIES,
  Urgency,
} from '@internal/plugin-sla-common';
import { random } from './lib';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const ms = (instant: string) => Date.parse(instant);

/** The contract's targets, with fault removal counted in working hours. */
const sla = new SlaEngine(
  parseSlaConfig({
    policies: [
      {
        id: 'contract',
        version: 2,
        description: 'contract, fault removal in working hours',
        levels: {
          L2: { resolution: { calendar: 'working-days' } },
          L3: { resolution: { calendar: 'working-days' } },
        },
      },
    ],
  }),
);
const policy = sla.policy('contract', 2);

/** Now: a Friday morning two weeks after the 2026 Spring Festival. */
const NOW = Date.parse('2026-03-06T10:00:00+08:00');

// ---------------------------------------------------------------------------
// Synthetic open tickets

/**
 * Open tickets created over the five weeks before NOW, across the Spring
 * Festival: most acknowledged and visited within the hour, some waiting on
 * a vendor or a part, some reprioritised, a few reopened after a fix.
 * Instants fall on whole minutes, so the minute-stepping reference is exact.
 */
function syntheticTickets(count: number, seed = 42): SlaTicket[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(next() * list.length)];
  const minutes = (min: number, max: number) =>
    Math.round(min + next() * (max - min)) * MINUTE;
  const tickets: SlaTicket[] = [];
  for (let n = 0; n < count; n++) {
    let t = NOW - Math.floor(next() * 35 * 24 * 60) * MINUTE;
    const age = NOW - t;
    const events: TicketEvent[] = [
      {
        type: 'created',
        at: iso(t),
        urgency: pick(URGENCIES),
        impact: pick(IMPACTS),
      },
    ];
    const step = (gap: number, event: (at: string) => TicketEvent) => {
      if (t + gap <= NOW) {
        t += gap;
        events.push(event(iso(t)));
        return true;
      }
      return false;
    };
    if (next() < 0.1) {
      step(minutes(1, 120), at => ({
        type: 'priority-changed',
        at,
        urgency: pick<Urgency>(URGENCIES),
        impact: pick<Impact>(IMPACTS),
      }));
    }
    const acknowledged =
      next() < 0.92 &&
      step(minutes(1, 25), at => ({ type: 'acknowledged', at }));
    const arrived =
      acknowledged &&
      next() < 0.85 &&
      step(minutes(3, 60), at => ({ type: 'arrived', at }));
    if (arrived && next() < 0.3) {
      const paused = step(minutes(20, 600), at => ({
        type: 'paused',
        at,
        reason: pick(PAUSE_REASONS),
      }));
      if (paused && next() < 0.7) {
        step(minutes(30, 3 * 24 * 60), at => ({ type: 'resumed', at }));
      }
    }
    if (arrived && age > 2 * DAY && next() < 0.08) {
      const last = events[events.length - 1].type;
      if (
        last !== 'paused' &&
        step(minutes(60, 600), at => ({ type: 'resolved', at }))
      ) {
        step(minutes(60, 24 * 60), at => ({ type: 'reopened', at }));
      }
    }
    tickets.push({ events, policy });
  }
  return tickets;
}

// ---------------------------------------------------------------------------
// The engine

function computeAll(tickets: readonly SlaTicket[]) {
  const now = iso(NOW);
  return tickets.map(ticket => sla.computeClocks(ticket, now));
}

/** Milliseconds of one run of fn, median of `runs`. */
function timeIt(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

// ---------------------------------------------------------------------------
// Naive reference: minute by minute, with its own calendar reading
// (fixed UTC+8, China has no daylight saving; chinese-days' isWorkday per day)
// and its own reading of the clock rules in docs/sla.md.

const workdayCache = new Map<string, boolean>();
function naiveOpen(calendar: string, minuteStart: number): boolean {
  const local = minuteStart + BEIJING;
  const minuteOfDay = Math.floor((local % DAY) / MINUTE);
  switch (calendar) {
    case 'always':
      return true;
    case 'on-site-hours':
      return minuteOfDay >= 450 && minuteOfDay < 1110;
    case 'working-days': {
      const date = new Date(local).toISOString().slice(0, 10);
      let work = workdayCache.get(date);
      if (work === undefined) {
        work = isWorkday(date);
        workdayCache.set(date, work);
      }
      return (
        work &&
        ((minuteOfDay >= 510 && minuteOfDay < 720) ||
          (minuteOfDay >= 810 && minuteOfDay < 1080))
      );
    }
    default:
      throw new Error(`naive reference has no calendar ${calendar}`);
  }
}

/** Target and calendar in force for a clock started at `start`. */
function naiveTarget(
  rule: ClockRule,
  start: number,
): { targetMs: number | null; calendar: string } {
  const outside = rule.outsideHours;
  if (!outside || naiveOpen(outside.hours, start)) {
    return { targetMs: rule.targetMs, calendar: rule.calendar };
  }
  let targetMs = outside.targetMs;
  if (targetMs !== null && rule.targetMs !== null) {
    let opening = start;
    while (!naiveOpen(outside.hours, opening)) opening += MINUTE;
    // Both calendars are 7×24 in the contract: plain minutes.
    targetMs = Math.min(targetMs, opening + rule.targetMs - start);
  }
  return { targetMs, calendar: outside.calendar };
}

/**
 * The instants at which `amounts` more of open time have passed after `from`,
 * stepping minute by minute.
 */
function naiveProject(
  calendar: string,
  from: number,
  amounts: readonly number[],
): number[] {
  const found: number[] = [];
  let counted = 0;
  for (let t = from; found.length < amounts.length; t += MINUTE) {
    if (t - from > 400 * DAY) throw new Error('naive projection ran away');
    if (!naiveOpen(calendar, t)) continue;
    while (
      found.length < amounts.length &&
      amounts[found.length] <= counted + MINUTE
    ) {
      found.push(t + (amounts[found.length] - counted));
    }
    counted += MINUTE;
  }
  return found;
}

function naiveClock(
  name: ClockName,
  pol: SlaPolicy,
  events: readonly TicketEvent[],
  now: number,
): ClockStatus {
  const thresholds = [...pol.warnings, 1];
  const need = (k: number, target: number) =>
    Math.round(thresholds[k] * target);
  const reached: Array<number | undefined> = thresholds.map(() => undefined);
  const created = ms(events[0].at);
  let ticketLevel: PriorityLevel = 'L4';
  let level: PriorityLevel = 'L4';
  let acknowledged: number | undefined;
  let arrived: number | undefined;
  let firstResolved: number | undefined;
  let resolved: number | undefined;
  let pausedNow = false;
  let rule: ClockRule | null = null;
  let inForce: { targetMs: number | null; calendar: string } | undefined;
  let live = false;
  let stop: number | undefined;
  let startedAt: number | undefined;
  let elapsed = 0;
  let paused = 0;

  for (let t = created, i = 0; t <= now; t += MINUTE) {
    while (i < events.length && ms(events[i].at) === t) {
      const e = events[i++];
      if (e.type === 'created' || e.type === 'priority-changed')
        ticketLevel = pol.matrix[e.urgency][e.impact];
      if (e.type === 'acknowledged') acknowledged = t;
      if (e.type === 'arrived') arrived = t;
      if (e.type === 'paused') pausedNow = true;
      if (e.type === 'resumed') pausedNow = false;
      if (e.type === 'reopened') resolved = undefined;
      if (e.type === 'resolved') {
        resolved = t;
        firstResolved ??= t;
        pausedNow = false;
      }
    }
    const stops =
      name === 'response'
        ? [acknowledged, arrived, firstResolved]
        : name === 'arrival'
        ? [arrived, firstResolved]
        : [resolved];
    const known = stops.filter((x): x is number => x !== undefined);
    stop = known.length ? Math.min(...known) : undefined;
    if (stop === undefined || stop === t) level = ticketLevel;
    rule = pol.levels[level][name];
    const start = rule
      ? rule.startsAt === 'created'
        ? created
        : arrived ?? firstResolved
      : undefined;
    inForce =
      rule && start !== undefined ? naiveTarget(rule, start) : undefined;
    live = inForce !== undefined && stop === undefined;
    if (live && startedAt === undefined) startedAt = t;
    const target = inForce?.targetMs;
    if (target !== undefined && target !== null && (live || stop === t)) {
      thresholds.forEach((_, k) => {
        const n = need(k, target);
        if (
          reached[k] === undefined &&
          (elapsed > n || (elapsed === n && stop !== t))
        )
          reached[k] = t;
      });
    }
    // The minute that follows, if it is before now.
    if (t === now || !live || !naiveOpen(inForce!.calendar, t)) continue;
    if (name === 'resolution' && pausedNow) {
      paused += MINUTE;
      continue;
    }
    if (target !== undefined && target !== null) {
      thresholds.forEach((_, k) => {
        const n = need(k, target);
        // Reached exactly at the minute's end: the next minute's settle decides.
        if (reached[k] === undefined && n > elapsed && n < elapsed + MINUTE)
          reached[k] = t + (n - elapsed);
      });
    }
    elapsed += MINUTE;
  }

  const isPaused = name === 'resolution' && pausedNow && live;
  const breachedAt = reached[reached.length - 1];
  const state =
    breachedAt !== undefined
      ? 'breached'
      : !rule
      ? 'not-applicable'
      : stop !== undefined
      ? 'met'
      : !inForce
      ? 'not-started'
      : isPaused
      ? 'paused'
      : 'running';
  const targetMs = (inForce ?? rule)?.targetMs ?? undefined;
  const warnings = thresholds
    .slice(0, -1)
    .flatMap((threshold, k) =>
      reached[k] !== undefined
        ? [{ threshold, at: iso(reached[k]!), upcoming: false }]
        : [],
    );
  let dueAt: number | undefined = breachedAt;
  if (state === 'running' && targetMs !== undefined) {
    const open = thresholds
      .map((_, k) => k)
      .filter(k => reached[k] === undefined);
    const instants = naiveProject(
      inForce!.calendar,
      now,
      open.map(k => need(k, targetMs) - elapsed),
    );
    open.forEach((k, j) => {
      if (k < thresholds.length - 1)
        warnings.push({
          threshold: thresholds[k],
          at: iso(instants[j]),
          upcoming: true,
        });
      else dueAt = instants[j];
    });
  } else if (state === 'met' && targetMs !== undefined && inForce) {
    dueAt = naiveProject(inForce.calendar, stop!, [targetMs - elapsed])[0];
  }
  const instant = (x: number | undefined) =>
    x === undefined ? undefined : iso(x);
  return {
    clock: name,
    state,
    level,
    targetMs,
    calendar: (inForce ?? rule)?.calendar,
    startedAt: instant(startedAt),
    dueAt: instant(dueAt),
    elapsedMs: elapsed,
    pausedMs: paused,
    remainingMs: targetMs === undefined ? undefined : targetMs - elapsed,
    percentConsumed:
      targetMs === undefined ? undefined : (elapsed / targetMs) * 100,
    warnings,
    stoppedAt: state === 'not-applicable' ? undefined : instant(stop),
    metAt: state === 'met' ? instant(stop) : undefined,
    breachedAt: instant(breachedAt),
  };
}

function naiveAll(tickets: readonly SlaTicket[]) {
  return tickets.map(({ events, policy: pol }) =>
    (['response', 'arrival', 'resolution'] as const).map(name =>
      naiveClock(name, pol, events, NOW),
    ),
  );
}

// ---------------------------------------------------------------------------

function main() {
  const sampleSize =
    Number(process.argv[process.argv.indexOf('--sample') + 1]) || 200;
  console.log(`SLA benchmark, node ${process.version}, now = ${iso(NOW)}`);
  console.log(
    `policy '${policy.id}' v${policy.version}: ${policy.description}`,
  );

  for (const count of [10_000, 100_000]) {
    const tickets = syntheticTickets(count);
    const events = tickets.reduce((sum, t) => sum + t.events.length, 0);
    const cold = timeIt(() => computeAll(tickets), 1);
    const warm = timeIt(() => computeAll(tickets), count > 10_000 ? 3 : 7);
    const perTenThousand = (warm / count) * 10_000;
    console.log(
      `${count.toLocaleString('en')} tickets (${(events / count).toFixed(
        1,
      )} events each): ` +
        `${warm.toFixed(1)} ms warm (first run ${cold.toFixed(1)} ms), ` +
        `${Math.round(count / (warm / 1000)).toLocaleString(
          'en',
        )} tickets/s, ` +
        `${perTenThousand.toFixed(1)} ms per 10,000`,
    );
  }

  const sample = syntheticTickets(sampleSize, 7);
  const engineMs = timeIt(() => computeAll(sample), 21);
  const naiveStart = performance.now();
  const naive = naiveAll(sample);
  const naiveMs = performance.now() - naiveStart;
  const engine = computeAll(sample).map(r => [
    r.response,
    r.arrival,
    r.resolution,
  ]);
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
  const differing = sample.filter(
    (_, i) => !isDeepStrictEqual(plain(engine[i]), plain(naive[i])),
  );
  console.log(
    `minute-stepping reference on ${sampleSize} tickets: ${naiveMs.toFixed(
      0,
    )} ms, engine ${engineMs.toFixed(2)} ms: ` +
      `${Math.round(naiveMs / engineMs).toLocaleString('en')}× faster`,
  );
  const states = new Map<string, number>();
  for (const clock of engine.flat()) {
    states.set(clock.state, (states.get(clock.state) ?? 0) + 1);
  }
  const histories = new Map<string, number>();
  for (const type of sample.flatMap(t => t.events.map(e => e.type))) {
    histories.set(type, (histories.get(type) ?? 0) + 1);
  }
  console.log(
    `  sample clocks by state: ${[...states]
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  sample events: ${[...histories]
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`identical: ${differing.length === 0 ? 'yes' : 'no'}`);
  if (differing.length > 0) {
    const i = sample.indexOf(differing[0]);
    console.log(
      `${differing.length} tickets differ; the first:`,
      JSON.stringify(
        { events: sample[i].events, engine: engine[i], naive: naive[i] },
        null,
        1,
      ),
    );
    process.exitCode = 1;
  }
}

main();
