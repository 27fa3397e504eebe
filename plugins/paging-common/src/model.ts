/** The channels a page can go out on. */
export const PAGING_CHANNELS = [
  'wecomApp',
  'wecomRobot',
  'dingtalkRobot',
  'sms',
  'email',
] as const;
export type PagingChannel = (typeof PAGING_CHANNELS)[number];

/** What can page someone; everything else stays in the portal. */
export const PAGE_EVENT_KINDS = [
  'ticket-created',
  'sla-breach',
  'alert-storm',
  'major-event',
] as const;
export type PageEventKind = (typeof PAGE_EVENT_KINDS)[number];

/** The service desk's priority levels (sla-common's PriorityLevel, without the dependency). */
export const PAGE_LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type PageLevel = (typeof PAGE_LEVELS)[number];

/** Who is paged, in escalation order: the on-call chain, then the ops manager, then the court IT office. */
export const ESCALATION_ROLES = [
  'on-call',
  'ops-manager',
  'court-it-office',
] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/** Something that happened to a ticket (or the monitoring) that may page. */
export interface PageEvent {
  /** Unique per event: a second report of the same event pages nobody again. */
  readonly key: string;
  readonly kind: PageEventKind;
  readonly ticketId?: string;
  readonly ticketNumber: string;
  readonly level: PageLevel;
  readonly title: string;
  /** Where: a courtroom, a machine room, a device. */
  readonly place?: string;
  /** The deadline the engineer works to (an SLA due instant), ISO 8601. */
  readonly deadline?: string;
  /** When it happened, ISO 8601 with offset. */
  readonly at: string;
  /**
   * Who is on call for this event, named by whoever reports it (a major event's engineers,
   * 重点保障): they are paged first, each their own tier, instead of the roster's on-call.
   */
  readonly onCall?: readonly string[];
}
