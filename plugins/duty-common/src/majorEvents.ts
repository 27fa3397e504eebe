import {
  courtLocationSchema,
  entityRefSchema,
  multiLineText,
  singleLineText,
} from '@internal/plugin-court-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { instantSchema } from './schemas';
import type { OnSiteHours } from './config';
import { onCallAt, type TimedShift } from './roster';
import type { OnCall } from './types';

/** Major-event assurance (重点保障, DUTY-3): what a plan guards. */
export const MAJOR_EVENT_KINDS = ['trial', 'conference', 'event'] as const;
export type MajorEventKind = (typeof MAJOR_EVENT_KINDS)[number];

/** The service desk's priority levels, L1 the most urgent (sla-common's, without the dependency). */
export const TICKET_LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type TicketLevel = (typeof TICKET_LEVELS)[number];

/** A plan for a major trial, conference or event. Instants are ISO 8601 UTC. */
export interface MajorEventPlan {
  readonly id: string;
  readonly title: string;
  readonly kind: MajorEventKind;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The courtroom or room: an id of the court's location register (`A-3F-T01`). */
  readonly place: string;
  /** The systems and devices in scope (catalog entity refs). */
  readonly scope: readonly string[];
  /** Engineers on site during the event, then those on standby (user refs). */
  readonly onSite: readonly string[];
  readonly standby: readonly string[];
  readonly communicationPlan: string;
  /** Written after the end. */
  readonly summary?: {
    readonly text: string;
    readonly by: string;
    readonly at: string;
  };
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** Bumped by every change; a change names the revision it was made from. */
  readonly revision: number;
}

/** What a plan may name in scope: systems and their devices (components, resources). */
const inScopeRef = entityRefSchema(['system', 'component', 'resource']);
/** A ticket's entities: anything in the catalog. */
const anyEntityRef = entityRefSchema([
  'system',
  'component',
  'resource',
  'location',
  'domain',
  'api',
  'group',
  'user',
]);

const userRefs = z.array(entityRefSchema(['user'])).max(20);

/** The fields of a plan, as created or replaced. */
export const majorEventInputSchema = z
  .strictObject({
    title: singleLineText().min(1, 'is required').max(120),
    kind: z.enum(MAJOR_EVENT_KINDS),
    startsAt: instantSchema,
    endsAt: instantSchema,
    place: courtLocationSchema.shape.id,
    scope: z.array(inScopeRef).min(1).max(200),
    onSite: userRefs.min(1),
    standby: userRefs.default([]),
    communicationPlan: multiLineText().max(4000).default(''),
  })
  .superRefine((plan, ctx) => {
    if (toMillis(plan.endsAt) <= toMillis(plan.startsAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: 'must be after startsAt',
      });
    }
    const onSite = new Set(plan.onSite);
    plan.standby.forEach((ref, i) => {
      if (onSite.has(ref)) {
        ctx.addIssue({
          code: 'custom',
          path: ['standby', i],
          message: `${ref} is already named on site`,
        });
      }
    });
  });
export type MajorEventInput = z.input<typeof majorEventInputSchema>;

export const updateMajorEventSchema = z.strictObject({
  plan: majorEventInputSchema,
  revision: z.number().int().min(1),
});
export type UpdateMajorEventRequest = z.input<typeof updateMajorEventSchema>;

export const majorEventSummarySchema = z.strictObject({
  text: multiLineText().min(1, 'is required').max(8000),
  revision: z.number().int().min(1),
});
export type MajorEventSummaryRequest = z.input<typeof majorEventSummarySchema>;

/** What other backends ask: the floor for a ticket at an instant on these entities. */
export const majorEventFloorQuerySchema = z.strictObject({
  at: instantSchema,
  refs: z
    .union([anyEntityRef, z.array(anyEntityRef).max(200)])
    .transform(refs => [refs].flat()),
});

function toMillis(instant: string): number {
  return DateTime.fromISO(instant, { setZone: true }).toMillis();
}

/** Whether `at` falls in the event: from its start (inclusive) to its end (exclusive). */
export function inEventWindow(
  plan: Pick<MajorEventPlan, 'startsAt' | 'endsAt'>,
  at: string,
): boolean {
  const t = toMillis(at);
  return toMillis(plan.startsAt) <= t && t < toMillis(plan.endsAt);
}

/** Why and how far a ticket is raised during a major event, and whom it pages. */
export interface MajorEventFloor {
  readonly level: TicketLevel;
  /** For the ticket's history: "重点保障：<plan title>". */
  readonly reason: string;
  readonly planId: string;
  /** The plan's named engineers, on site first, then standby. */
  readonly engineers: readonly string[];
}

/**
 * What duty says of a ticket filed at an instant on some entities: who is on call then (phone
 * duty outside on-site hours) and the floor of a major event covering them (null: none).
 */
export interface FilingDuty {
  readonly onCall: OnCall;
  readonly floor: MajorEventFloor | null;
}

/** How long a span of filing duty covers: the service desk asks for one at most once a minute. */
export const FILING_DUTY_SPAN_MS = 60_000;

/**
 * The events topic duty publishes on after every change (rosters, shifts, swaps, leave, plans):
 * whoever keeps a span of filing duty forgets it.
 */
export const DUTY_CHANGED_TOPIC = 'courtops.duty.changed';

/** The plan fields a floor is worked out from. */
export type MajorEventFloorPlan = Pick<
  MajorEventPlan,
  'id' | 'title' | 'startsAt' | 'endsAt' | 'scope' | 'onSite' | 'standby'
>;

/**
 * Everything {@link filingDutyIn} needs to answer {@link FilingDuty} for any instant from `from`
 * (inclusive) to `to` (exclusive) and any entities: the shifts and the major-event plans running
 * at some moment of it, and the rules that read them. The service desk keeps one span and answers
 * a rush of filings from it, instead of asking duty for every ticket.
 */
export interface FilingDutySpan {
  readonly from: string;
  readonly to: string;
  readonly zone: string;
  readonly onSite: OnSiteHours;
  /** The posts' ids in the roster's order: the first on-site post's engineer is called first. */
  readonly posts: ReadonlyArray<{ readonly id: string }>;
  readonly shifts: readonly TimedShift[];
  readonly plans: readonly MajorEventFloorPlan[];
  readonly minimumLevel: TicketLevel;
}

/** A span's query, read as the minute it covers: `from` and `to` in UTC. */
export const filingDutySpanQuerySchema = z
  .strictObject({ from: instantSchema })
  .transform(({ from }) => {
    const start = DateTime.fromISO(from, { setZone: true }).toUTC();
    return {
      from: start.toISO()!,
      to: start.plus({ milliseconds: FILING_DUTY_SPAN_MS }).toISO()!,
    };
  });

/** Whether `at` falls in the span: from its `from` (inclusive) to its `to` (exclusive). */
export function inFilingDutySpan(
  span: Pick<FilingDutySpan, 'from' | 'to'>,
  at: string,
): boolean {
  return inEventWindow({ startsAt: span.from, endsAt: span.to }, at);
}

/**
 * The filing duty at `at` on `refs`, from a span that covers `at`: the same answer duty gives
 * for that instant from its own tables (`onCallAt`, `majorEventFloor`).
 */
export function filingDutyIn(
  span: FilingDutySpan,
  at: string,
  refs: readonly string[],
): FilingDuty {
  if (!inFilingDutySpan(span, at)) {
    throw new RangeError(`${at} is outside the span ${span.from}–${span.to}`);
  }
  return {
    onCall: onCallAt(span.shifts, at, span),
    floor: majorEventFloor(span.plans, at, refs, span.minimumLevel) ?? null,
  };
}

/**
 * The floor a ticket filed at `at` on `refs` (its devices and their systems) gets from the
 * plans running then whose scope names one of them; undefined when none does. With two such
 * plans, the one that started first names the reason; all their engineers are paged.
 */
export function majorEventFloor(
  plans: readonly MajorEventFloorPlan[],
  at: string,
  refs: readonly string[],
  minimumLevel: TicketLevel,
): MajorEventFloor | undefined {
  const wanted = new Set(refs);
  const running = plans
    .filter(p => inEventWindow(p, at) && p.scope.some(ref => wanted.has(ref)))
    .sort((a, b) => toMillis(a.startsAt) - toMillis(b.startsAt));
  if (running.length === 0) return undefined;
  const engineers = running.flatMap(p => [...p.onSite, ...p.standby]);
  return {
    level: minimumLevel,
    reason: `重点保障：${running[0].title}`,
    planId: running[0].id,
    engineers: engineers.filter((ref, i) => engineers.indexOf(ref) === i),
  };
}

/**
 * A summary is written once the event is over: refused before its end.
 * @returns the reason it is refused, or undefined
 */
export function summaryRefusal(
  plan: Pick<MajorEventPlan, 'endsAt'>,
  now: string,
): string | undefined {
  return toMillis(now) < toMillis(plan.endsAt)
    ? `the event ends at ${plan.endsAt}: its summary is written after the end`
    : undefined;
}

/** When the pre-event checklist is walked: a local date, and an instant (UTC). */
export interface PreEventChecks {
  readonly dayBefore: string;
  readonly hourBefore: string;
}

/** The two walks of the pre-event checklist. */
export const PRE_EVENT_CHECKS = ['day-before', 'hour-before'] as const;
export type PreEventCheck = (typeof PRE_EVENT_CHECKS)[number];

/**
 * A walk of the checklist duty started (or tried to): the inspection round, or why inspections
 * made none (no device of the scope has a checklist, say).
 */
export interface PreEventRound {
  readonly check: PreEventCheck;
  readonly startedAt: string;
  readonly roundId?: string;
  readonly problem?: string;
}

/** A plan as the API answers it: with when its pre-event checklist is walked, and its rounds. */
export type MajorEventAnswer = MajorEventPlan & {
  readonly preEventChecks: PreEventChecks;
  readonly preEventRounds: readonly PreEventRound[];
};

/**
 * The instants (UTC) the checklist rounds start: the day before when on-site duty begins
 * (`onSiteStart`, HH:mm in the court's zone), and an hour before the start.
 */
export function preEventRoundInstants(
  checks: PreEventChecks,
  zone: string,
  onSiteStart: string,
): Record<PreEventCheck, string> {
  return {
    'day-before': DateTime.fromISO(`${checks.dayBefore}T${onSiteStart}`, {
      zone,
    })
      .toUTC()
      .toISO()!,
    'hour-before': checks.hourBefore,
  };
}

/**
 * When the pre-event checklist is walked: the working day before the event's local date (by
 * the court's calendar), and an hour before the start.
 */
export function preEventChecks(
  plan: Pick<MajorEventPlan, 'startsAt'>,
  zone: string,
  isWorkingDay: (date: string) => boolean,
): PreEventChecks {
  const start = DateTime.fromISO(plan.startsAt, { zone });
  let day = start.startOf('day').minus({ days: 1 });
  // A year has working days; a calendar that answered none would loop forever.
  for (let i = 0; i < 60 && !isWorkingDay(day.toISODate()!); i++) {
    day = day.minus({ days: 1 });
  }
  return {
    dayBefore: day.toISODate()!,
    hourBefore: start.minus({ hours: 1 }).toUTC().toISO()!,
  };
}
