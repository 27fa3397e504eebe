import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CLOCK_NAMES, PRIORITY_LEVELS } from '@internal/plugin-sla-common';
import {
  CHANGE_OUTCOMES,
  DESK_TICKET_TYPES,
  SERVICE_REQUEST_CATEGORIES,
  TICKET_CHANNELS,
} from '@internal/plugin-tickets-common';
import type {
  ChangeFact,
  TicketClockFact,
  TicketFact,
  WorkLogFact,
} from '../facts';

/** Random facts for property tests (tests only): every instant inside `[fromMs, toMs)`. */

export const SYSTEMS = [
  'system:default/trial',
  'system:default/network',
  'system:default/archive',
];
const DEVICES = [
  'resource:default/pc-1',
  'resource:default/pc-2',
  'resource:default/cam-1',
  'component:default/app',
];
const ENGINEERS = [
  'user:default/zhang',
  'user:default/li',
  'user:default/wang',
];
const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;

export interface FactRange {
  readonly fromMs: number;
  readonly toMs: number;
  /** How many systems a fact is about: [min, max]. */
  readonly systems?: readonly [number, number];
  /** Only clocks that ended (stopped or breached), e.g. for facts wholly before a period. */
  readonly endedClocksOnly?: boolean;
}

function instantIn(fromMs: number, toMs: number): fc.Arbitrary<string> {
  const minutes = Math.max(0, Math.floor((toMs - fromMs) / MINUTE) - 1);
  return fc
    .integer({ min: 0, max: minutes })
    .map(
      m => DateTime.fromMillis(fromMs + m * MINUTE, { zone: 'utc' }).toISO()!,
    );
}

function systemsOf(range: FactRange): fc.Arbitrary<string[]> {
  const [minLength, maxLength] = range.systems ?? [0, 2];
  return fc.shuffledSubarray(SYSTEMS, { minLength, maxLength });
}

function workLogs(range: FactRange): fc.Arbitrary<WorkLogFact[]> {
  const log = fc.record({
    engineer: fc.constantFrom(...ENGINEERS),
    minutes: fc.integer({ min: 1, max: 600 }),
    workDate: instantIn(range.fromMs, range.toMs).map(
      at => DateTime.fromISO(at, { zone: ZONE }).toISODate()!,
    ),
  });
  return fc.array(log, { maxLength: 3 });
}

const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined });

function clockFact(range: FactRange): fc.Arbitrary<TicketClockFact> {
  const instant = instantIn(range.fromMs, range.toMs);
  return fc
    .record({
      clock: fc.constantFrom(...CLOCK_NAMES),
      level: fc.constantFrom(...PRIORITY_LEVELS),
      times: fc
        .array(instant, { minLength: 3, maxLength: 3 })
        .map(list => [...list].sort()),
      stopped: fc.boolean(),
      breached: fc.boolean(),
      elapsedMs: fc.integer({ min: 0, max: 100 * 3_600_000 }),
      pausedMs: fc.integer({ min: 0, max: 10 * 3_600_000 }),
    })
    .filter(c => !range.endedClocksOnly || c.stopped || c.breached)
    .map(({ clock, level, times, stopped, breached, elapsedMs, pausedMs }) => ({
      clock,
      level,
      startedAt: times[0],
      // Stopped and breached in either order after the start.
      stoppedAt: stopped ? times[breached ? 2 : 1] : undefined,
      breachedAt: breached ? times[1] : undefined,
      elapsedMs,
      pausedMs,
    }));
}

export function ticketFacts(range: FactRange): fc.Arbitrary<TicketFact[]> {
  const instant = instantIn(range.fromMs, range.toMs);
  const ticket = fc
    .record({
      n: fc.nat(99_999),
      type: fc.constantFrom(...DESK_TICKET_TYPES),
      category: fc.constantFrom(...SERVICE_REQUEST_CATEGORIES),
      channel: fc.constantFrom(...TICKET_CHANNELS),
      level: fc.constantFrom(...PRIORITY_LEVELS),
      entityRefs: fc.shuffledSubarray(DEVICES),
      systemRefs: systemsOf(range),
      createdAt: instant,
      arrivedAt: optional(instant),
      resolvedAt: optional(instant),
      reopenedAt: fc.array(instant, { maxLength: 2 }),
      reassignments: fc.integer({ min: 0, max: 2 }),
      knownErrorArticle: optional(fc.constant('kb-1')),
      satisfaction: optional(fc.integer({ min: 1, max: 5 })),
      calledBackAt: instant,
      workLogs: workLogs(range),
      clocks: fc.array(clockFact(range), { maxLength: 3 }),
    })
    .map(
      ({
        n,
        type,
        category,
        satisfaction,
        calledBackAt,
        ...rest
      }): TicketFact => ({
        ...rest,
        id: `t${n}`,
        number: `T-${n}`,
        title: `ticket ${n}`,
        type,
        category: type === 'service-request' ? category : undefined,
        status: rest.resolvedAt ? 'resolved' : 'in-progress',
        satisfaction,
        calledBackAt: satisfaction === undefined ? undefined : calledBackAt,
        clocks:
          type === 'incident' || type === 'service-request' ? rest.clocks : [],
      }),
    );
  return fc.array(ticket, { maxLength: 25 });
}

export function changeFacts(range: FactRange): fc.Arbitrary<ChangeFact[]> {
  const instant = instantIn(range.fromMs, range.toMs);
  const change = fc
    .record({
      n: fc.nat(99_999),
      emergency: fc.boolean(),
      systemRefs: systemsOf(range),
      filedAt: instant,
      decision: optional(
        fc.constantFrom('approved' as const, 'rejected' as const),
      ),
      decidedAt: instant,
      outcome: optional(fc.constantFrom(...CHANGE_OUTCOMES)),
      // May precede the filing: an emergency change registered after the fact.
      finishedAt: instant,
      workLogs: workLogs(range),
    })
    .map(
      ({
        n,
        decision,
        decidedAt,
        outcome,
        finishedAt,
        ...rest
      }): ChangeFact => ({
        ...rest,
        id: `c${n}`,
        number: `CHG-${n}`,
        title: `change ${n}`,
        status: outcome ?? decision ?? 'submitted',
        risk: 'low',
        entityRefs: [],
        decision,
        decidedAt: decision ? decidedAt : undefined,
        outcome,
        finishedAt: outcome ? finishedAt : undefined,
      }),
    );
  return fc.array(change, { maxLength: 10 });
}
