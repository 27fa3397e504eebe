import { TicketStatus, TicketType } from './types';

/**
 * Lifecycle actions that move a ticket or change its SLA standing. Comments,
 * work logs and links are appends, not actions.
 */
export type TicketAction =
  | 'acknowledge'
  | 'arrive'
  | 'start-work'
  | 'pause'
  | 'resume'
  | 'reprioritise'
  | 'assign'
  | 'resolve'
  | 'call-back'
  | 'reopen'
  | 'close';

export const TICKET_ACTIONS: readonly TicketAction[] = [
  'acknowledge',
  'arrive',
  'start-work',
  'pause',
  'resume',
  'reprioritise',
  'assign',
  'resolve',
  'call-back',
  'reopen',
  'close',
];

const WORKING: readonly TicketStatus[] = [
  'acknowledged',
  'on-site',
  'in-progress',
];
const UNRESOLVED: readonly TicketStatus[] = ['new', ...WORKING, 'pending'];

/** The statuses each action may start from. */
const ALLOWED_FROM: Readonly<Record<TicketAction, readonly TicketStatus[]>> = {
  acknowledge: ['new'],
  // Arriving unannounced also counts as the response.
  arrive: ['new', 'acknowledged'],
  'start-work': ['acknowledged', 'on-site'],
  pause: WORKING,
  resume: ['pending'],
  reprioritise: UNRESOLVED,
  assign: [...UNRESOLVED, 'resolved'],
  resolve: [...WORKING, 'pending'],
  'call-back': ['resolved'],
  reopen: ['resolved'],
  close: ['resolved'],
};

/** Types whose work happens at a place, so an engineer can check in on site. */
const ON_SITE_TYPES: readonly TicketType[] = ['incident', 'service-request'];

/** Whether `action` may be taken on a ticket of this type in this status. */
export function isActionAllowed(
  type: TicketType,
  status: TicketStatus,
  action: TicketAction,
): boolean {
  if (action === 'arrive' && !ON_SITE_TYPES.includes(type)) {
    return false;
  }
  return ALLOWED_FROM[action].includes(status);
}

/** The actions open to a ticket, in the order the UI offers them. */
export function allowedActions(
  type: TicketType,
  status: TicketStatus,
): TicketAction[] {
  return TICKET_ACTIONS.filter(action => isActionAllowed(type, status, action));
}

/** The status a resumed ticket returns to: where it was before the pause. */
export function statusAfterResume(
  before: TicketStatus | undefined,
): TicketStatus {
  return before && WORKING.includes(before) ? before : 'in-progress';
}
