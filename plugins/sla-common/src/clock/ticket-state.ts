import { levelOf, raiseLevel } from '../policy/level';
import {
  IMPACTS,
  Impact,
  PriorityLevel,
  SlaPolicy,
  URGENCIES,
  Urgency,
} from '../policy/types';
import {
  InvalidEventSequenceError,
  PAUSE_REASONS,
  PauseReason,
  TicketEvent,
} from './events';

/** A ticket as its events so far have left it; instants in epoch ms. */
export class TicketState {
  level: PriorityLevel = 'L4';
  createdAt = NaN;
  acknowledgedAt?: number;
  arrivedAt?: number;
  firstResolvedAt?: number;
  /** Set while resolved (until reopened). */
  resolvedAt?: number;
  pausedAt?: number;
  pauseReason?: PauseReason;
  closed = false;
  /** Instant of the last event applied. */
  lastAt = NaN;

  constructor(private readonly policy: SlaPolicy) {}

  /**
   * Applies the next event, checking that it can follow the ones before.
   * @param at the event's instant, already parsed
   * @throws InvalidEventSequenceError
   */
  apply(event: TicketEvent, index: number, at: number) {
    if (index === 0 && event.type !== 'created') {
      this.fail(index, event, "a ticket's first event must be 'created'");
    }
    if (at < this.lastAt) {
      this.fail(
        index,
        event,
        `it is earlier than event ${index - 1}; events must be in time order`,
      );
    }
    if (this.closed) {
      this.fail(index, event, 'the ticket is closed');
    }
    switch (event.type) {
      case 'created':
        if (index > 0) {
          this.fail(index, event, 'the ticket was already created');
        }
        this.level = this.levelOf(event, index);
        this.createdAt = at;
        break;
      case 'acknowledged':
        this.mustBeOpen(index, event, 'acknowledged');
        if (this.acknowledgedAt !== undefined) {
          this.fail(index, event, 'the ticket was already acknowledged');
        }
        this.acknowledgedAt = at;
        break;
      case 'arrived':
        this.mustBeOpen(index, event, 'arrived at');
        if (this.arrivedAt !== undefined) {
          this.fail(index, event, 'an engineer already arrived on site');
        }
        this.arrivedAt = at;
        break;
      case 'paused':
        this.mustBeOpen(index, event, 'paused');
        if (!PAUSE_REASONS.includes(event.reason)) {
          this.fail(
            index,
            event,
            `pause reason must be one of ${PAUSE_REASONS.join('|')}`,
          );
        }
        if (this.pausedAt !== undefined) {
          this.fail(index, event, 'the ticket is already paused');
        }
        this.pausedAt = at;
        this.pauseReason = event.reason;
        break;
      case 'resumed':
        if (this.pausedAt === undefined) {
          this.fail(index, event, 'resumed without a pause');
        }
        this.endPause();
        break;
      case 'priority-changed': {
        this.mustBeOpen(index, event, 'reprioritised');
        this.level = raiseLevel(this.levelOf(event, index), event.floor);
        break;
      }
      case 'resolved':
        this.mustBeOpen(index, event, 'resolved again');
        // Removing the fault ends any wait.
        this.endPause();
        this.resolvedAt = at;
        this.firstResolvedAt ??= at;
        break;
      case 'reopened':
        if (this.resolvedAt === undefined) {
          this.fail(index, event, 'only a resolved ticket can be reopened');
        }
        this.resolvedAt = undefined;
        break;
      case 'closed':
        if (this.resolvedAt === undefined) {
          this.fail(index, event, 'only a resolved ticket can be closed');
        }
        this.closed = true;
        break;
      default:
        this.fail(
          index,
          event,
          `unknown event type ${JSON.stringify(
            (event as { type?: unknown }).type,
          )}`,
        );
    }
    this.lastAt = at;
  }

  private fail(index: number, event: unknown, reason: string): never {
    throw new InvalidEventSequenceError(index, event, reason);
  }

  private mustBeOpen(index: number, event: TicketEvent, what: string) {
    if (this.resolvedAt !== undefined) {
      this.fail(index, event, `cannot be ${what} while the ticket is resolved`);
    }
  }

  private levelOf(
    event: { urgency: Urgency; impact: Impact },
    index: number,
  ): PriorityLevel {
    if (!URGENCIES.includes(event.urgency) || !IMPACTS.includes(event.impact)) {
      this.fail(
        index,
        event,
        `urgency must be one of ${URGENCIES.join(
          '|',
        )} and impact one of ${IMPACTS.join('|')}`,
      );
    }
    return levelOf(this.policy, event.urgency, event.impact);
  }

  private endPause() {
    this.pausedAt = undefined;
    this.pauseReason = undefined;
  }
}
