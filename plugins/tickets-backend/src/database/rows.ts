import type {
  Impact,
  PauseReason,
  PriorityLevel,
  Urgency,
} from '@internal/plugin-sla-common';
import type {
  ServiceRequestCategory,
  Ticket,
  TicketStatus,
} from '@internal/plugin-tickets-common';

/** A ticket as stored: the API's ticket without its clocks (computed from the events). */
export type StoredTicket = Omit<Ticket, 'clocks' | 'asOf'> & {
  /** Where a paused ticket returns to when it resumes. */
  readonly resumeStatus?: TicketStatus;
};

/** Fields an update may set; `null` clears a nullable one. */
export interface TicketFieldUpdates {
  title?: string;
  description?: string;
  category?: ServiceRequestCategory | null;
  urgency?: Urgency;
  impact?: Impact;
  level?: PriorityLevel;
  status?: TicketStatus;
  pauseReason?: PauseReason | null;
  /** The awaited part (set with a waiting-part pause, cleared with it). */
  awaitedPartTypeId?: string | null;
  awaitedPartName?: string | null;
  resumeStatus?: TicketStatus | null;
  assignee?: string | null;
  group?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  satisfaction?: number | null;
}

/** The SLA clocks as stored for queries: refreshed on each change and by the watch. */
export interface SlaProjection {
  readonly nextWakeUpAt?: string;
  /** Earliest due instant of a running clock. */
  readonly nextDueAt?: string;
  readonly atRiskAt?: string;
  readonly breachedAt?: string;
  readonly clocks: readonly StoredClock[];
}

export interface StoredClock {
  readonly clock: string;
  readonly level: PriorityLevel;
  readonly state: string;
  readonly targetMs?: number;
  readonly startedAt?: string;
  readonly dueAt?: string;
  readonly stoppedAt?: string;
  readonly breachedAt?: string;
  readonly elapsedMs: number;
  readonly pausedMs: number;
}

/** One entry to append to a ticket's log. */
export interface NewTicketEvent {
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  /** The event's payload without type (stored as JSON). */
  readonly data: Record<string, unknown>;
}

export interface StoredEvent extends NewTicketEvent {
  readonly seq: number;
}

export type NewTicket = Pick<
  StoredTicket,
  | 'id'
  | 'type'
  | 'category'
  | 'title'
  | 'description'
  | 'channel'
  | 'reporter'
  | 'createdBy'
  | 'sourceRef'
  | 'urgency'
  | 'impact'
  | 'level'
  | 'assignee'
  | 'group'
  | 'policy'
  | 'createdAt'
> & {
  /** Where it starts; `new` unless its type's workflow says otherwise. */
  readonly status?: TicketStatus;
  readonly entities: readonly { entityRef: string; systemRef?: string }[];
  /** Year of filing in the court's zone, for the number. */
  readonly year: number;
};
