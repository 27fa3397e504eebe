import { CalendarSet } from '../calendar/calendar-set';
import { SlaPolicy } from '../policy/types';
import { Instant, toInstant, toMillis } from '../time/instant';
import { ClockTrack } from './clock-track';
import { InvalidEventSequenceError, TicketEvent } from './events';
import { ClockState, ClockStatus, SlaWarning, TicketClocks } from './result';
import { TicketState } from './ticket-state';

/** A ticket as the SLA engine sees it: its events and its frozen policy. */
export interface SlaTicket {
  readonly events: readonly TicketEvent[];
  readonly policy: SlaPolicy;
}

/**
 * Replays a ticket's events into its clocks as of `now`. Depends only on the
 * events, the policy, the calendars and `now`.
 * @throws InvalidEventSequenceError for events that cannot have happened, or
 *   that are later than `now`
 */
export function computeTicketClocks(
  ticket: SlaTicket,
  calendars: CalendarSet,
  now: Instant,
): TicketClocks {
  const { events, policy } = ticket;
  const nowMs = toMillis(now);
  if (events.length === 0) {
    throw new InvalidEventSequenceError(
      0,
      undefined,
      'a ticket needs a created event',
    );
  }
  const times = events.map((event, index) =>
    instantOf(event, index, now, nowMs),
  );
  const state = new TicketState(policy);
  state.apply(events[0], 0, times[0]);
  const tracks = [
    new ClockTrack('response', policy, calendars, state),
    new ClockTrack('arrival', policy, calendars, state),
    new ClockTrack('resolution', policy, calendars, state),
  ];
  // Events at one instant are applied together, then the clocks settle.
  let at = times[0];
  for (let i = 1; i <= events.length; i++) {
    const next = i < events.length ? times[i] : nowMs;
    if (i < events.length && next === at) {
      state.apply(events[i], i, next);
      continue;
    }
    for (const track of tracks) {
      track.update(state, at);
      track.settle(at);
      track.advance(at, next);
    }
    if (i < events.length) {
      state.apply(events[i], i, next);
      at = next;
    }
  }

  for (const track of tracks) {
    track.finish(nowMs);
  }
  const wakeUp = Math.min(...tracks.map(track => track.nextReached));
  return {
    level: state.level,
    status: statusOfTicket(state),
    pauseReason: state.pauseReason,
    response: statusOf(tracks[0]),
    arrival: statusOf(tracks[1]),
    resolution: statusOf(tracks[2]),
    nextWakeUp: wakeUp === Infinity ? undefined : toInstant(wakeUp),
  };
}

/** An event's instant, which must be a valid instant not after now. */
function instantOf(
  event: TicketEvent,
  index: number,
  now: Instant,
  nowMs: number,
): number {
  if (typeof event !== 'object' || event === null) {
    throw new InvalidEventSequenceError(index, event, 'not an event object');
  }
  let at: number;
  try {
    at = toMillis(event.at);
  } catch (error) {
    throw new InvalidEventSequenceError(index, event, (error as Error).message);
  }
  if (at > nowMs) {
    throw new InvalidEventSequenceError(
      index,
      event,
      `it is later than now (${now})`,
    );
  }
  return at;
}

function statusOfTicket(state: TicketState): TicketClocks['status'] {
  if (state.closed) {
    return 'closed';
  }
  if (state.resolvedAt !== undefined) {
    return 'resolved';
  }
  return state.pausedAt !== undefined ? 'paused' : 'open';
}

function optionalInstant(millis: number | undefined): Instant | undefined {
  return millis === undefined ? undefined : toInstant(millis);
}

/** A clock's status as of now, formatted. */
function statusOf(track: ClockTrack): ClockStatus {
  const { inForce, rule, elapsed, reached, projected, stoppedAt } = track;
  // Before the clock starts, the rule's own target (its variant is not known yet).
  const targetMs = (inForce ?? rule)?.targetMs ?? undefined;
  const breachedAt = reached[reached.length - 1];
  let state: ClockState;
  if (breachedAt !== undefined) {
    state = 'breached';
  } else if (!rule) {
    state = 'not-applicable';
  } else if (stoppedAt !== undefined) {
    state = 'met';
  } else if (!inForce) {
    state = 'not-started';
  } else {
    state = track.pausedNow ? 'paused' : 'running';
  }

  const warnings: SlaWarning[] = [];
  for (let i = 0; i < reached.length - 1; i++) {
    const at = reached[i] ?? projected[i];
    if (at !== undefined) {
      warnings.push({
        threshold: track.thresholds[i],
        at: toInstant(at),
        upcoming: reached[i] === undefined,
      });
    }
  }
  let due = breachedAt ?? projected[projected.length - 1];
  if (
    state === 'met' &&
    targetMs !== undefined &&
    inForce &&
    stoppedAt !== undefined
  ) {
    // As it stood when the clock stopped.
    due = inForce.timeline.add(stoppedAt, targetMs - elapsed);
  }
  const dueAt = optionalInstant(due);
  const stopped =
    state === 'not-applicable' ? undefined : optionalInstant(stoppedAt);

  // Absent values are undefined properties, which JSON leaves out.
  return {
    clock: track.name,
    state,
    level: track.level,
    targetMs,
    calendar: (inForce ?? rule)?.calendar,
    startedAt: optionalInstant(track.startedAt),
    dueAt,
    elapsedMs: elapsed,
    pausedMs: track.paused,
    remainingMs: targetMs === undefined ? undefined : targetMs - elapsed,
    percentConsumed:
      targetMs === undefined ? undefined : (elapsed / targetMs) * 100,
    warnings,
    stoppedAt: stopped,
    metAt: state === 'met' ? stopped : undefined,
    breachedAt: breachedAt === undefined ? undefined : dueAt,
  };
}
