import type {
  Impact,
  PauseReason,
  PriorityLevel,
  Urgency,
} from '@internal/plugin-sla-common';
import type {
  ServiceRequestCategory,
  TicketChannel,
  TicketStatus,
  TicketType,
} from '@internal/plugin-tickets-common';

/** A ticket as stored, without its clocks (computed from the events). */
export interface StoredTicket {
  readonly id: string;
  readonly number: string;
  readonly type: TicketType;
  readonly category?: ServiceRequestCategory;
  readonly title: string;
  readonly description: string;
  readonly channel: TicketChannel;
  readonly reporter: string;
  readonly createdBy: string;
  readonly urgency: Urgency;
  readonly impact: Impact;
  readonly level: PriorityLevel;
  readonly status: TicketStatus;
  readonly pauseReason?: PauseReason;
  readonly resumeStatus?: TicketStatus;
  readonly assignee?: string;
  readonly group?: string;
  readonly entityRefs: readonly string[];
  readonly systemRefs: readonly string[];
  readonly policy: { readonly id: string; readonly version: number };
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly resolvedAt?: string;
  readonly closedAt?: string;
  readonly satisfaction?: number;
}

/** Fields a change may set; `null` clears a nullable one. */
export interface TicketChanges {
  title?: string;
  description?: string;
  category?: ServiceRequestCategory | null;
  urgency?: Urgency;
  impact?: Impact;
  level?: PriorityLevel;
  status?: TicketStatus;
  pauseReason?: PauseReason | null;
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

export interface NewTicket {
  readonly id: string;
  readonly type: TicketType;
  readonly category?: ServiceRequestCategory;
  readonly title: string;
  readonly description: string;
  readonly channel: TicketChannel;
  readonly reporter: string;
  readonly createdBy: string;
  readonly urgency: Urgency;
  readonly impact: Impact;
  readonly level: PriorityLevel;
  readonly assignee?: string;
  readonly group?: string;
  readonly entities: readonly { entityRef: string; systemRef?: string }[];
  readonly policy: { readonly id: string; readonly version: number };
  readonly createdAt: string;
  /** Year of filing in the court's zone, for the number. */
  readonly year: number;
}
