import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClockStatus,
  SlaEngine,
  TicketClocks,
  TicketEvent,
  UncoveredYearError,
} from '@internal/plugin-sla-common';
import { TICKET_TYPE_RULES } from '@internal/plugin-tickets-common';
import { SlaProjection, StoredEvent, StoredTicket } from '../database/rows';

/** Log entries that move the SLA clocks; the rest (comments, …) do not. */
const CLOCK_EVENTS = new Set([
  'created',
  'acknowledged',
  'arrived',
  'paused',
  'resumed',
  'priority-changed',
  'resolved',
  'reopened',
  'closed',
]);

/** The SLA engine's view of a ticket's log. */
export function toSlaEvents(events: readonly StoredEvent[]): TicketEvent[] {
  return events
    .filter(event => CLOCK_EVENTS.has(event.type))
    .map(
      event =>
        ({ ...event.data, type: event.type, at: event.at } as TicketEvent),
    );
}

/**
 * A ticket's clocks, always computed from its events and frozen policy, and
 * their projection into the columns the queue filters on.
 */
export class TicketSla {
  private readonly engineOf: () => SlaEngine;

  constructor(
    /** The engine, or where to get the one in effect (years entered in the portal). */
    engine: SlaEngine | (() => SlaEngine),
    /** Share of a target after which a running clock is "at risk". */
    private readonly atRiskShare: number,
    private readonly logger: LoggerService,
  ) {
    this.engineOf = typeof engine === 'function' ? engine : () => engine;
  }

  get engine(): SlaEngine {
    return this.engineOf();
  }

  /** Undefined for types without clocks, or beyond the official calendar's years. */
  clocks(
    ticket: Pick<StoredTicket, 'type' | 'policy' | 'number'>,
    events: readonly StoredEvent[],
    now: string,
  ): TicketClocks | undefined {
    return this.assess(ticket, events, now).clocks;
  }

  /**
   * The clocks, or the year whose official schedule they wait for: a clock
   * counting working days that reaches an uncovered year cannot be computed,
   * and the ticket says so instead of showing no clocks (issue 22).
   */
  assess(
    ticket: Pick<StoredTicket, 'type' | 'policy' | 'number'>,
    events: readonly StoredEvent[],
    now: string,
  ): { clocks?: TicketClocks; unknownUntil?: number } {
    if (!TICKET_TYPE_RULES[ticket.type].slaClocks) {
      return {};
    }
    const engine = this.engine;
    try {
      return {
        clocks: engine.computeClocks(
          {
            events: toSlaEvents(events),
            policy: engine.policy(ticket.policy.id, ticket.policy.version),
          },
          now,
        ),
      };
    } catch (error) {
      if (error instanceof UncoveredYearError) {
        // The clocks resume once the court loads that year's schedule (docs/calendar.md).
        this.logger.warn(`ticket ${ticket.number}: ${error.message}`);
        return { unknownUntil: error.year };
      }
      throw error;
    }
  }

  project(clocks: TicketClocks | undefined): SlaProjection {
    if (!clocks) {
      return { clocks: [] };
    }
    const all = [clocks.response, clocks.arrival, clocks.resolution];
    const running = all.filter(c => c.state === 'running');
    return {
      nextWakeUpAt: clocks.nextWakeUp,
      nextDueAt: earliest(running.map(c => c.dueAt)),
      atRiskAt: earliest(running.map(c => this.atRiskAt(c))),
      breachedAt: earliest(all.map(c => c.breachedAt)),
      clocks: all
        .filter(c => c.state !== 'not-applicable')
        .map(c => ({
          clock: c.clock,
          level: c.level,
          state: c.state,
          targetMs: c.targetMs,
          startedAt: c.startedAt,
          dueAt: c.dueAt,
          stoppedAt: c.stoppedAt,
          breachedAt: c.breachedAt,
          elapsedMs: c.elapsedMs,
          pausedMs: c.pausedMs,
        })),
    };
  }

  /** When the clock reaches the at-risk share: the first warning at or past it. */
  private atRiskAt(clock: ClockStatus): string | undefined {
    const warning = clock.warnings.find(w => w.threshold >= this.atRiskShare);
    return warning?.at ?? clock.dueAt;
  }
}

function earliest(
  instants: readonly (string | undefined)[],
): string | undefined {
  let min: string | undefined;
  for (const at of instants) {
    if (at !== undefined && (min === undefined || at < min)) min = at;
  }
  return min;
}
