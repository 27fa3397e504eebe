import fc from 'fast-check';
import { SlaEngine } from '../engine';
import { parseSlaConfig } from '../policy/config';
import {
  Impact,
  IMPACTS,
  SlaPolicy,
  Urgency,
  URGENCIES,
} from '../policy/types';
import { PAUSE_REASONS, TicketEvent } from './events';
import { ClockStatus, TicketClocks } from './result';

/** Runs per property; the test names print it. */
const NUM_RUNS = 300;
/** A start just before a window edge is a rare draw: more runs there. */
const EDGE_RUNS = 2000;
const MINUTE = 60_000;

const sla = new SlaEngine(
  parseSlaConfig({
    policies: [
      {
        id: 'contract',
        version: 2,
        levels: {
          L1: { resolution: { calendar: 'working-days' } },
          L2: { resolution: { calendar: 'working-days' } },
          L3: { resolution: { calendar: 'working-days' } },
        },
      },
    ],
  }),
);
const policies = [sla.policy('contract', 1), sla.policy('contract', 2)];
const iso = (ms: number) => new Date(ms).toISOString();
const ms = (t: string) => Date.parse(t);

const FROM = Date.UTC(2025, 0, 1) / MINUTE;
const TO = Date.UTC(2026, 5, 30) / MINUTE;
const BEIJING_OFFSET_MINUTES = 480;
/** Window edges in Beijing: on-site and phone duty, working hours. */
const EDGES = [450, 1110, 510, 720, 810, 1080];
const createdMinute = fc.oneof(
  { arbitrary: fc.integer({ min: FROM, max: TO }), weight: 1 },
  {
    // Near a window edge, where the rules change.
    arbitrary: fc
      .tuple(
        fc.integer({ min: FROM / 1440, max: TO / 1440 - 1 }),
        fc.constantFrom(...EDGES),
        fc.integer({ min: -30, max: 30 }),
      )
      .map(
        ([day, edge, offset]) =>
          day * 1440 + edge + offset - BEIJING_OFFSET_MINUTES,
      ),
    weight: 3,
  },
);
const urgency = fc.constantFrom(...URGENCIES);
const impact = fc.constantFrom(...IMPACTS);

const action = fc.record({
  gap: fc.integer({ min: 0, max: 600 }),
  kind: fc.constantFrom(
    'acknowledged',
    'arrived',
    'paused',
    'resumed',
    'priority-changed',
    'resolved',
    'reopened',
  ),
  urgency,
  impact,
  reason: fc.constantFrom(...PAUSE_REASONS),
});

/**
 * A valid event history: random actions, each kept only where it can happen,
 * on whole minutes after a random creation; `now` a while after the last.
 */
const ticket = fc
  .record({
    policy: fc.constantFrom(...policies),
    created: createdMinute,
    urgency,
    impact,
    actions: fc.array(action, { maxLength: 10 }),
    tail: fc.integer({ min: 0, max: 3000 }),
  })
  .map(({ policy, created, actions, tail, ...priority }) => {
    let t = created * MINUTE;
    const events: TicketEvent[] = [
      { type: 'created', at: iso(t), ...priority },
    ];
    const s = {
      acknowledged: false,
      arrived: false,
      paused: false,
      resolved: false,
    };
    for (const a of actions) {
      t += a.gap * MINUTE;
      const at = iso(t);
      const add = (e: TicketEvent) => events.push(e);
      switch (a.kind) {
        case 'acknowledged':
        case 'arrived':
          if (!s[a.kind] && !s.resolved) {
            s[a.kind] = true;
            add({ type: a.kind, at });
          }
          break;
        case 'paused':
          if (!s.paused && !s.resolved) {
            s.paused = true;
            add({ type: 'paused', at, reason: a.reason });
          }
          break;
        case 'resumed':
          if (s.paused) {
            s.paused = false;
            add({ type: 'resumed', at });
          }
          break;
        case 'priority-changed':
          if (!s.resolved) {
            add({
              type: 'priority-changed',
              at,
              urgency: a.urgency,
              impact: a.impact,
            });
          }
          break;
        case 'resolved':
          if (!s.resolved) {
            s.resolved = true;
            s.paused = false;
            add({ type: 'resolved', at });
          }
          break;
        default:
          if (s.resolved) {
            s.resolved = false;
            add({ type: 'reopened', at });
          }
      }
    }
    return { policy, events, now: t + tail * MINUTE };
  });

const compute = (policy: SlaPolicy, events: TicketEvent[], now: number) =>
  sla.computeClocks({ policy, events }, iso(now));
const clocksOf = (r: TicketClocks): ClockStatus[] => [
  r.response,
  r.arrival,
  r.resolution,
];

describe('clock properties', () => {
  it(`a later start never gives an earlier due instant (${EDGE_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        createdMinute,
        // Mostly near each other, where a window edge can fall between them.
        fc.oneof(
          { arbitrary: fc.integer({ min: 0, max: 30 }), weight: 3 },
          { arbitrary: fc.integer({ min: 0, max: 20000 }), weight: 1 },
        ),
        urgency,
        impact,
        fc.integer({ min: 0, max: 120 }),
        (policy, x, delta, u, i, arrivalDelay) => {
          const due = (minute: number) => {
            const at = minute * MINUTE;
            const events: TicketEvent[] = [
              { type: 'created', at: iso(at), urgency: u, impact: i },
              { type: 'arrived', at: iso(at + arrivalDelay * MINUTE) },
            ];
            // Response and arrival as of the call; resolution as of the arrival.
            const atCall = compute(policy, events.slice(0, 1), at);
            const atArrival = compute(
              policy,
              events,
              at + arrivalDelay * MINUTE,
            );
            return [atCall.response, atCall.arrival, atArrival.resolution].map(
              c => c.dueAt,
            );
          };
          const [early, late] = [x, x + delta].map(due);
          expect(early.map(d => d === undefined)).toEqual(
            late.map(d => d === undefined),
          );
          early.forEach((dueEarly, k) => {
            const [a, b] = [dueEarly, late[k]].map(d =>
              d ? ms(d) : -Infinity,
            );
            expect(a).toBeLessThanOrEqual(b);
          });
        },
      ),
      { numRuns: EDGE_RUNS },
    );
  });

  it(`a ticket raised from L4 is due as a new call at the raise (${EDGE_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        createdMinute,
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom<[Urgency, Impact]>(
          ['high', 'large'],
          ['high', 'medium'],
          ['medium', 'large'],
        ),
        (policy, filedMinute, waited, [u, i]) => {
          const filed = filedMinute * MINUTE;
          const raise = filed + waited * MINUTE;
          const raised = compute(
            policy,
            [
              {
                type: 'created',
                at: iso(filed),
                urgency: 'low',
                impact: 'small',
              },
              {
                type: 'priority-changed',
                at: iso(raise),
                urgency: u,
                impact: i,
              },
            ],
            raise,
          );
          const called = compute(
            policy,
            [{ type: 'created', at: iso(raise), urgency: u, impact: i }],
            raise,
          );
          expect(clocksOf(raised).map(c => c.dueAt)).toEqual(
            clocksOf(called).map(c => c.dueAt),
          );
        },
      ),
      { numRuns: EDGE_RUNS },
    );
  });

  it(`paused time never counts (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(ticket, ({ policy, events, now }) => {
        const withPauses = compute(policy, events, now).resolution;
        const withoutPauses = compute(
          policy,
          events.filter(e => e.type !== 'paused' && e.type !== 'resumed'),
          now,
        ).resolution;
        expect(withoutPauses.pausedMs).toBe(0);
        expect(withPauses.elapsedMs + withPauses.pausedMs).toBe(
          withoutPauses.elapsedMs,
        );
        // And the paused time is exactly the open time of the pauses while the clock ran.
        // Every level of these policies counts resolution in one calendar.
        const calendar = sla.calendars.get(
          policy.levels.L2.resolution!.calendar,
        );
        const runs = liveSpans(policy, events, now);
        const pauses = spans(events, 'paused', ['resumed', 'resolved'], now);
        const expected = runs
          .flatMap(([a, b]) =>
            pauses.map(([p, q]) => [Math.max(a, p), Math.min(b, q)]),
          )
          .filter(([a, b]) => b > a)
          .reduce(
            (sum, [a, b]) =>
              sum + calendar.businessDurationBetween(iso(a), iso(b)),
            0,
          );
        expect(withPauses.pausedMs).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`an always-open clock equals plain clock arithmetic (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(ticket, ({ events, now }) => {
        const result = compute(policies[0], events, now);
        // Response counts 7×24 from the call until it stops, at a level that
        // never changes.
        const plain = [result.response].filter(
          c =>
            c.state !== 'not-applicable' &&
            !events.some(e => e.type === 'priority-changed'),
        );
        expect(plain.map(c => c.elapsedMs)).toEqual(
          plain.map(
            c => (c.stoppedAt ? ms(c.stoppedAt) : now) - ms(events[0].at),
          ),
        );
        // A running 7×24 clock is due at now + remaining, to the millisecond.
        const running = [
          result.response,
          result.arrival,
          result.resolution,
        ].filter(
          c =>
            c.state === 'running' &&
            c.calendar === 'always' &&
            c.remainingMs !== undefined,
        );
        expect(running.map(c => ms(c.dueAt!) - now)).toEqual(
          running.map(c => c.remainingMs),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`projections come true, and nothing happens between now and nextWakeUp (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        ticket,
        fc.integer({ min: 1, max: 3000 * MINUTE }),
        ({ policy, events, now }, later) => {
          const before = compute(policy, events, now);
          const after = compute(policy, events, now + later);
          const wake = before.nextWakeUp ? ms(before.nextWakeUp) : Infinity;
          expect(wake).toBeGreaterThan(now);
          clocksOf(before).forEach((clock, k) => {
            const then = clocksOf(after)[k];
            // Everything recorded stays recorded.
            for (const w of clock.warnings.filter(x => !x.upcoming)) {
              expect(then.warnings).toContainEqual(w);
            }
            for (const w of clock.warnings.filter(
              x => x.upcoming && ms(x.at) <= now + later,
            )) {
              expect(then.warnings).toContainEqual({ ...w, upcoming: false });
            }
            const dueBefore = [clock.dueAt].filter(
              due => clock.state === 'running' && due && ms(due) <= now + later,
            );
            expect(dueBefore.map(() => then.breachedAt)).toEqual(dueBefore);
            const newlyReached = [
              ...then.warnings
                .filter(w => !w.upcoming && ms(w.at) > now)
                .map(w => ms(w.at)),
              ...(then.breachedAt && ms(then.breachedAt) > now
                ? [ms(then.breachedAt)]
                : []),
            ];
            for (const at of newlyReached) {
              expect(at).toBeGreaterThanOrEqual(wake);
            }
          });
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

/** [start, end) spans from each `open` event to the next of `close` (or now). */
function spans(
  events: TicketEvent[],
  open: TicketEvent['type'],
  close: Array<TicketEvent['type']>,
  now: number,
): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let start: number | undefined;
  for (const e of events) {
    if (e.type === open && start === undefined) {
      start = ms(e.at);
    } else if (close.includes(e.type) && start !== undefined) {
      result.push([start, ms(e.at)]);
      start = undefined;
    }
  }
  return start === undefined ? result : [...result, [start, now]];
}

/**
 * When the resolution clock runs or is paused, walked from the events alone:
 * after arrival (or a remote fix), not while resolved, not at a level without
 * the clock.
 */
function liveSpans(
  policy: SlaPolicy,
  events: TicketEvent[],
  now: number,
): Array<[number, number]> {
  const live: Array<[number, number]> = [];
  let level = policy.matrix.high.large;
  let started = false;
  let resolved = false;
  events.forEach((e, i) => {
    if (e.type === 'created' || e.type === 'priority-changed') {
      level = policy.matrix[e.urgency][e.impact];
    }
    started ||= e.type === 'arrived' || e.type === 'resolved';
    resolved = e.type === 'resolved' || (resolved && e.type !== 'reopened');
    const end = i + 1 < events.length ? ms(events[i + 1].at) : now;
    if (
      started &&
      !resolved &&
      policy.levels[level].resolution &&
      end > ms(e.at)
    ) {
      live.push([ms(e.at), end]);
    }
  });
  return live;
}
