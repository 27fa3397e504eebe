import type {
  ChangeOutcome,
  ChangeStatus,
  ChangeWindow,
  RiskLevel,
} from './changes/model';
import type {
  Impact,
  Instant,
  PauseReason,
  PriorityLevel,
  TicketClocks,
  Urgency,
} from '@internal/plugin-sla-common';

/**
 * The ticket family (DESK-2). Changes (CHG) have their own workflow
 * (`changes/lifecycle.ts`); every type shares numbering, the event log,
 * links, comments and work logs.
 */
export type TicketType =
  | 'incident'
  | 'service-request'
  | 'problem'
  | 'complaint'
  | 'change';

/** The types the service desk files and works through its own lifecycle. */
export type DeskTicketType = Exclude<TicketType, 'change'>;

export const DESK_TICKET_TYPES: readonly DeskTicketType[] = [
  'incident',
  'service-request',
  'problem',
  'complaint',
];

export const TICKET_TYPES: readonly TicketType[] = [
  ...DESK_TICKET_TYPES,
  'change',
];

/** What a type of ticket does beyond the common record. */
export interface TicketTypeRules {
  /** Prefix of its human-readable number, e.g. INC-2026-00042. */
  readonly numberPrefix: string;
  /** Whether the contract's response/arrival/resolution clocks run (SLA-2). */
  readonly slaClocks: boolean;
}

export const TICKET_TYPE_RULES: Readonly<Record<TicketType, TicketTypeRules>> =
  {
    incident: { numberPrefix: 'INC', slaClocks: true },
    'service-request': { numberPrefix: 'SR', slaClocks: true },
    // Problems are root-cause work and complaints their own process (DESK-7):
    // the contract sets no clock on either.
    problem: { numberPrefix: 'PRB', slaClocks: false },
    complaint: { numberPrefix: 'CMP', slaClocks: false },
    // Changes run in planned windows approved by the court, not on the clock.
    change: { numberPrefix: 'CHG', slaClocks: false },
  };

/** Kinds of service request the contract lists (DESK-2). */
export type ServiceRequestCategory =
  | 'install'
  | 'configure'
  | 'training'
  | 'data-adjustment'
  | 'demo-support'
  | 'spare-part';

export const SERVICE_REQUEST_CATEGORIES: readonly ServiceRequestCategory[] = [
  'install',
  'configure',
  'training',
  'data-adjustment',
  'demo-support',
  'spare-part',
];

/** How the ticket reached the desk (DESK-1). */
export type TicketChannel = 'portal' | 'phone' | 'monitoring' | 'inspection';

export const TICKET_CHANNELS: readonly TicketChannel[] = [
  'portal',
  'phone',
  'monitoring',
  'inspection',
];

/**
 * Where a desk ticket stands: 新建 → 已响应 → 已到场 → 处理中 → 挂起 → 已解决 → 已关闭.
 * `pending` waits on the court, a vendor or a part, with a reason.
 */
export type DeskTicketStatus =
  | 'new'
  | 'acknowledged'
  | 'on-site'
  | 'in-progress'
  | 'pending'
  | 'resolved'
  | 'closed';

export const DESK_TICKET_STATUSES: readonly DeskTicketStatus[] = [
  'new',
  'acknowledged',
  'on-site',
  'in-progress',
  'pending',
  'resolved',
  'closed',
];

/** A desk ticket's status, or a change's (which shares `in-progress`). */
export type TicketStatus = DeskTicketStatus | ChangeStatus;

export const TICKET_STATUSES: readonly TicketStatus[] = [
  ...DESK_TICKET_STATUSES,
  'draft',
  'submitted',
  'approved',
  'rejected',
  'scheduled',
  'succeeded',
  'failed',
  'rolled-back',
];

/** Statuses in which the desk still owes work (on desk tickets; changes have their own). */
export const OPEN_STATUSES: readonly DeskTicketStatus[] = [
  'new',
  'acknowledged',
  'on-site',
  'in-progress',
  'pending',
];

/** The outcome of a call-back to the reporter (回访, DESK-5). */
export type CallBackOutcome = 'satisfied' | 'unsatisfied' | 'unreachable';

export const CALL_BACK_OUTCOMES: readonly CallBackOutcome[] = [
  'satisfied',
  'unsatisfied',
  'unreachable',
];

export type TicketLinkKind = 'ticket' | 'article';
export type TicketLinkRelation =
  | 'related'
  | 'duplicate-of'
  | 'caused-by'
  | 'solved-by';

export const TICKET_LINK_RELATIONS: readonly TicketLinkRelation[] = [
  'related',
  'duplicate-of',
  'caused-by',
  'solved-by',
];

/**
 * The part a paused ticket waits for: a stocked part type (its id in the
 * spares register and its name then) or only the engineer's words.
 */
export interface AwaitedPart {
  readonly partTypeId?: string;
  readonly name: string;
}

/** A ticket as the queue and the ticket page show it. */
export interface Ticket {
  readonly id: string;
  /** Human-readable, unique per type, e.g. INC-2026-00042. */
  readonly number: string;
  readonly type: TicketType;
  readonly category?: ServiceRequestCategory;
  readonly title: string;
  readonly description: string;
  readonly channel: TicketChannel;
  /** User entity ref of the person who reported the fault. */
  readonly reporter: string;
  /** User entity ref of who filed it (the desk, for a phone call). */
  readonly createdBy: string;
  /** Idempotency key of the system that filed it (inspections, alerts). */
  readonly sourceRef?: string;
  readonly urgency: Urgency;
  readonly impact: Impact;
  readonly level: PriorityLevel;
  readonly status: TicketStatus;
  readonly pauseReason?: PauseReason;
  /** While it waits for a part: which one. */
  readonly awaitedPart?: AwaitedPart;
  readonly assignee?: string;
  readonly group?: string;
  /** The catalog entities it is about (systems, devices, applications). */
  readonly entityRefs: readonly string[];
  /** The systems those entities belong to, for per-system views and reports. */
  readonly systemRefs: readonly string[];
  /** The SLA policy version frozen at creation. */
  readonly policy: { readonly id: string; readonly version: number };
  /** Optimistic-concurrency version: send it back with every update. */
  readonly version: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly resolvedAt?: Instant;
  readonly closedAt?: Instant;
  /** Satisfaction (1–5) of the last call-back, if any. */
  readonly satisfaction?: number;
  /** The clocks as of `asOf`; absent for types without SLA clocks. */
  readonly clocks?: TicketClocks;
  /**
   * The clocks count working days into a year without an official schedule:
   * they are not known until that year's schedule is loaded (then recomputed).
   */
  readonly slaUnknownUntil?: number;
  readonly asOf: Instant;
}

/** Payload of each entry in a ticket's append-only log. */
export type TicketEventData =
  | {
      readonly type: 'created';
      readonly urgency: Urgency;
      readonly impact: Impact;
      readonly title: string;
      /** A change's assessed risk, and whether it is an emergency registration. */
      readonly risk?: RiskLevel;
      readonly emergency?: boolean;
      /** Who it was routed to at filing, if anyone. */
      readonly assignee?: string;
      /** The assignee is the engineer on phone duty, filed outside on-site hours (SLA-3). */
      readonly phoneDuty?: boolean;
      readonly group?: string;
    }
  | { readonly type: 'acknowledged' }
  | { readonly type: 'arrived' }
  | { readonly type: 'work-started' }
  | {
      readonly type: 'paused';
      readonly reason: PauseReason;
      readonly note: string;
      readonly part?: AwaitedPart;
    }
  | { readonly type: 'resumed' }
  | {
      readonly type: 'priority-changed';
      readonly urgency: Urgency;
      readonly impact: Impact;
      readonly level: PriorityLevel;
      readonly reason: string;
      /** Raised at filing to at least this level by a major event (重点保障); see docs/duty.md. */
      readonly floor?: PriorityLevel;
    }
  | {
      readonly type: 'resolved';
      readonly resolution: string;
      readonly knowledgeArticle?: string;
    }
  | { readonly type: 'reopened'; readonly reason: string }
  | { readonly type: 'closed'; readonly note?: string }
  | {
      readonly type: 'assigned';
      readonly assignee?: string;
      readonly group?: string;
    }
  | {
      readonly type: 'edited';
      readonly changes: Readonly<
        Record<string, { from: unknown; to: unknown }>
      >;
      /** Why the desk or an engineer edited it after it was acknowledged. */
      readonly reason?: string;
    }
  | { readonly type: 'commented'; readonly body: string }
  | {
      readonly type: 'work-logged';
      readonly engineer: string;
      readonly minutes: number;
      readonly workDate: string;
      /** Internal: absent for those who do not work the ticket (court staff). */
      readonly note?: string;
    }
  | {
      readonly type: 'called-back';
      readonly outcome: CallBackOutcome;
      readonly satisfaction?: number;
      readonly note: string;
    }
  | {
      readonly type: 'linked' | 'unlinked';
      readonly kind: TicketLinkKind;
      readonly target: string;
      readonly relation: TicketLinkRelation;
    }
  // A change's workflow (changes/lifecycle.ts).
  | { readonly type: 'submitted' }
  | {
      readonly type: 'approved';
      readonly comment?: string;
      /** Let into a freeze period by the court. */
      readonly freezeException: boolean;
      /** An emergency change ends with its registered outcome once approved. */
      readonly outcome?: ChangeOutcome;
    }
  | { readonly type: 'rejected'; readonly comment: string }
  | {
      readonly type: 'scheduled';
      readonly window: ChangeWindow;
      /** Moved out of the approved window: back to the court for approval. */
      readonly reapproval?: boolean;
    }
  | { readonly type: 'change-started' }
  | {
      readonly type: 'succeeded' | 'failed' | 'rolled-back';
      readonly note?: string;
    }
  | {
      readonly type: 'parameter-applied';
      readonly device: string;
      readonly parameter: string;
      readonly from: string;
      readonly to: string;
      /** Who applied it and when: for an emergency change, its engineer in its window. */
      readonly appliedBy?: string;
      readonly appliedAt?: Instant;
    };

export type TicketEventType = TicketEventData['type'];

/** One entry of a ticket's history: who did what, when (DESK-3). */
export type TicketEventRecord = TicketEventData & {
  readonly seq: number;
  readonly at: Instant;
  /** Entity ref of the user or service that did it. */
  readonly actor: string;
};

export interface WorkLog {
  readonly id: string;
  readonly engineer: string;
  readonly minutes: number;
  /** Calendar date in the court's zone, YYYY-MM-DD. */
  readonly workDate: string;
  /** Internal note: absent for those who do not work the ticket (court staff). */
  readonly note?: string;
  readonly loggedBy: string;
  readonly loggedAt: Instant;
}

export interface TicketLink {
  readonly kind: TicketLinkKind;
  /** A ticket number, or a knowledge article id. */
  readonly target: string;
  readonly relation: TicketLinkRelation;
  readonly createdBy: string;
  readonly createdAt: Instant;
}

/** Everything the ticket page shows. */
export interface TicketDetail {
  readonly ticket: Ticket;
  readonly events: readonly TicketEventRecord[];
  readonly workLogs: readonly WorkLog[];
  readonly links: readonly TicketLink[];
}

export interface TicketPage {
  readonly items: readonly Ticket[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

/** Clock compliance in a period: clocks met and breached per clock and level. */
export interface ComplianceRow {
  readonly clock: 'response' | 'arrival' | 'resolution';
  readonly level: PriorityLevel;
  readonly met: number;
  readonly breached: number;
  /** Still running within the period, not yet decided. */
  readonly running: number;
}

export interface ComplianceReport {
  readonly from: Instant;
  readonly to: Instant;
  readonly rows: readonly ComplianceRow[];
}
