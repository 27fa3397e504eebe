import { Instant } from '../time/instant';
import { Impact, PriorityLevel, Urgency } from '../policy/types';

/** Why the resolution clock is paused (挂起). */
export type PauseReason =
  | 'waiting-court'
  | 'waiting-vendor'
  | 'waiting-part'
  | 'other';

export const PAUSE_REASONS: readonly PauseReason[] = [
  'waiting-court',
  'waiting-vendor',
  'waiting-part',
  'other',
];

/**
 * What happened to a ticket, in the order it happened. Events at the same
 * instant are simultaneous for the clocks.
 */
export type TicketEvent =
  | {
      readonly type: 'created';
      readonly at: Instant;
      readonly urgency: Urgency;
      readonly impact: Impact;
    }
  /** An engineer took the ticket (响应). */
  | { readonly type: 'acknowledged'; readonly at: Instant }
  /** An engineer checked in on site (到场). */
  | { readonly type: 'arrived'; readonly at: Instant }
  | {
      readonly type: 'paused';
      readonly at: Instant;
      readonly reason: PauseReason;
    }
  | { readonly type: 'resumed'; readonly at: Instant }
  | {
      readonly type: 'priority-changed';
      readonly at: Instant;
      readonly urgency: Urgency;
      readonly impact: Impact;
      /**
       * A level the ticket does not fall below whatever the matrix gives (a major event's,
       * 重点保障); it raises, never lowers.
       */
      readonly floor?: PriorityLevel;
    }
  /** The fault is removed (排除故障). */
  | { readonly type: 'resolved'; readonly at: Instant }
  /** The fault came back, e.g. an unsatisfied call-back (回访). */
  | { readonly type: 'reopened'; readonly at: Instant }
  | { readonly type: 'closed'; readonly at: Instant };

export type TicketEventType = TicketEvent['type'];

/** Thrown for an event list that cannot have happened; names the event. */
export class InvalidEventSequenceError extends Error {
  constructor(
    readonly index: number,
    readonly event: unknown,
    readonly reason: string,
  ) {
    super(`event ${index}${describe(event)}: ${reason}`);
    this.name = 'InvalidEventSequenceError';
  }
}

function describe(event: unknown): string {
  if (typeof event !== 'object' || event === null) {
    return '';
  }
  const { type, at } = event as { type?: unknown; at?: unknown };
  return ` (${String(type)} at ${String(at)})`;
}
