import { CalendarSet } from '../calendar/calendar-set';
import { Timeline } from '../calendar/timeline';
import {
  ClockName,
  ClockRule,
  ClockStart,
  PriorityLevel,
  SlaPolicy,
} from '../policy/types';
import { TicketState } from './ticket-state';

/** The target in force: the rule's, or its outside-hours variant. */
interface InForce {
  readonly rule: ClockRule;
  readonly start: number;
  readonly targetMs: number | null;
  readonly calendar: string;
  readonly timeline: Timeline;
}

const thresholdsByPolicy = new WeakMap<SlaPolicy, readonly number[]>();

/** The policy's warning thresholds, then 1: the breach. */
function thresholdsOf(policy: SlaPolicy): readonly number[] {
  let thresholds = thresholdsByPolicy.get(policy);
  if (!thresholds) {
    thresholds = [...policy.warnings, 1];
    thresholdsByPolicy.set(policy, thresholds);
  }
  return thresholds;
}

/** The earlier of two optional instants. */
function earliest(
  a: number | undefined,
  b: number | undefined,
): number | undefined {
  if (a === undefined) {
    return b;
  }
  return b === undefined || a <= b ? a : b;
}

/** When the clock stops: the first response, arrival, or the current resolution. */
function stopOf(name: ClockName, ticket: TicketState): number | undefined {
  const arrivedOrFixed = earliest(ticket.arrivedAt, ticket.firstResolvedAt);
  switch (name) {
    // Arriving or removing the fault is a response too.
    case 'response':
      return earliest(ticket.acknowledgedAt, arrivedOrFixed);
    // A fault removed without a visit needs no visit.
    case 'arrival':
      return arrivedOrFixed;
    default:
      return ticket.resolvedAt;
  }
}

/** When the clock's start event happened; a remote fix counts as the arrival. */
function startOf(start: ClockStart, ticket: TicketState): number | undefined {
  if (start === 'created') {
    return ticket.createdAt;
  }
  return ticket.arrivedAt ?? ticket.firstResolvedAt;
}

/**
 * One clock replayed through a ticket's events. The replay alternates
 * `advance` (time passes, nothing happens) and `update` + `settle` (after all
 * events at one instant).
 */
export class ClockTrack {
  level: PriorityLevel;
  rule: ClockRule | null = null;
  inForce?: InForce;
  startedAt?: number;
  stoppedAt?: number;
  elapsed = 0;
  paused = 0;
  pausedNow = false;
  /** Fractions of the target, ascending; the last, 1, is the breach. */
  readonly thresholds: readonly number[];
  /** When each threshold was reached, if it was. */
  readonly reached: Array<number | undefined>;
  /**
   * After finish(): when each threshold not yet reached will be, if the clock
   * runs on unchanged from now.
   */
  readonly projected: Array<number | undefined>;
  /** After finish(): the earliest projected instant; Infinity if none. */
  nextReached = Infinity;
  private live = false;

  constructor(
    readonly name: ClockName,
    private readonly policy: SlaPolicy,
    private readonly calendars: CalendarSet,
    ticket: TicketState,
  ) {
    this.level = ticket.level;
    this.thresholds = thresholdsOf(policy);
    this.reached = new Array<number | undefined>(this.thresholds.length);
    this.projected = new Array<number | undefined>(this.thresholds.length);
  }

  /** Takes in the events at instant t. */
  update(ticket: TicketState, t: number) {
    const stop = stopOf(this.name, ticket);
    // A stopped clock keeps the level it stopped at; a level changed at the
    // very instant it stops still applies to it.
    if (stop === undefined || stop === t) {
      this.level = ticket.level;
    }
    this.stoppedAt = stop;
    this.rule = this.policy.levels[this.level][this.name];
    const event = this.rule ? startOf(this.rule.startsAt, ticket) : undefined;
    if (this.rule && event !== undefined) {
      // A clock that only begins counting later than its event (an L4 ticket raised to L2) is
      // a call at that later instant: its variant and cap are chosen there, so it never gets
      // more time than a call made as it begins.
      const start = Math.max(event, this.startedAt ?? t);
      if (this.inForce?.rule !== this.rule || this.inForce.start !== start) {
        this.inForce = this.resolveTarget(this.rule, start);
      }
    } else {
      this.inForce = undefined;
    }
    this.live = this.inForce !== undefined && stop === undefined;
    this.pausedNow =
      this.live && this.name === 'resolution' && ticket.pausedAt !== undefined;
    if (this.live && this.startedAt === undefined) {
      this.startedAt = t;
    }
  }

  /** Time passes from a to b with nothing happening. */
  advance(a: number, b: number) {
    if (!this.live || !this.inForce || b <= a) {
      return;
    }
    const { timeline, targetMs } = this.inForce;
    const passed = timeline.between(a, b);
    if (this.pausedNow) {
      this.paused += passed;
      return;
    }
    if (targetMs !== null) {
      for (let i = 0; i < this.thresholds.length; i++) {
        if (this.reached[i] !== undefined) {
          continue;
        }
        const needed = this.needed(i, targetMs) - this.elapsed;
        if (needed > passed) {
          break;
        }
        const at = timeline.add(a, needed);
        // Reached exactly at b: settle decides, knowing whether it stopped at b.
        if (at >= b) {
          break;
        }
        this.reached[i] = at;
      }
    }
    this.elapsed += passed;
  }

  /**
   * After the events at t: a threshold used up exactly at t is reached unless
   * the clock stopped at t; one a new, shorter target has already passed is
   * reached at t, never before the change that made it so.
   */
  settle(t: number) {
    const targetMs = this.inForce?.targetMs;
    const stoppedNow = this.stoppedAt === t;
    if (
      targetMs === undefined ||
      targetMs === null ||
      (!this.live && !stoppedNow)
    ) {
      return;
    }
    for (let i = 0; i < this.thresholds.length; i++) {
      const needed = this.needed(i, targetMs);
      if (
        this.reached[i] === undefined &&
        (this.elapsed > needed || (this.elapsed === needed && !stoppedNow))
      ) {
        this.reached[i] = t;
      }
    }
  }

  /** Settles at now and projects the thresholds still ahead of a running clock. */
  finish(now: number) {
    this.settle(now);
    const targetMs = this.inForce?.targetMs;
    if (
      !this.live ||
      this.pausedNow ||
      !this.inForce ||
      targetMs === null ||
      targetMs === undefined
    ) {
      return;
    }
    // Each projection walks on from the one before: adding a then b is
    // adding a + b, and the thresholds ascend.
    let from = now;
    let counted = this.elapsed;
    for (let i = 0; i < this.thresholds.length; i++) {
      if (this.reached[i] === undefined) {
        const needed = this.needed(i, targetMs);
        from = this.inForce.timeline.add(from, needed - counted);
        counted = needed;
        this.projected[i] = from;
        this.nextReached = Math.min(this.nextReached, from);
      }
    }
  }

  needed(threshold: number, targetMs: number): number {
    return Math.round(this.thresholds[threshold] * targetMs);
  }

  /**
   * The target in force for a clock started at `start`: outside the rule's
   * hours its variant, capped so that a call just before the hours open is
   * never due later than one made as they open.
   */
  private resolveTarget(rule: ClockRule, start: number): InForce {
    const base = this.calendars.get(rule.calendar).timeline;
    const outside = rule.outsideHours;
    const hours = outside && this.calendars.get(outside.hours).timeline;
    if (!outside || !hours || hours.isOpen(start)) {
      return {
        rule,
        start,
        targetMs: rule.targetMs,
        calendar: rule.calendar,
        timeline: base,
      };
    }
    const timeline = this.calendars.get(outside.calendar).timeline;
    let targetMs = outside.targetMs;
    const opening = hours.nextOpening(start);
    if (targetMs !== null && rule.targetMs !== null && opening !== undefined) {
      const dueIfCalledAtOpening = base.add(opening, rule.targetMs);
      targetMs = Math.min(
        targetMs,
        timeline.between(start, dueIfCalledAtOpening),
      );
    }
    return { rule, start, targetMs, calendar: outside.calendar, timeline };
  }
}
