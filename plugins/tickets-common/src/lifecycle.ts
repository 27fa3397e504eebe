import { DeskTicketStatus, TicketStatus, TicketType } from './types';

/**
 * A workflow as a table: the statuses each action may start from. The desk's
 * tickets and the changes each have one; both answer the same two questions.
 */
export interface Lifecycle<S extends string, A extends string> {
  /** Every action, in the order the UI offers them. */
  readonly actions: readonly A[];
  isAllowed(status: S, action: A): boolean;
  /** The actions open in `status`, in the order the UI offers them. */
  allowed(status: S): A[];
}

/** @param allowedFrom per action, in the order the UI offers them, the statuses it starts from */
export function defineLifecycle<S extends string, A extends string>(
  allowedFrom: Readonly<Record<A, readonly S[]>>,
): Lifecycle<S, A> {
  const actions = Object.keys(allowedFrom) as A[];
  const isAllowed = (status: S, action: A) =>
    allowedFrom[action]?.includes(status) ?? false;
  return {
    actions,
    isAllowed,
    allowed: status => actions.filter(action => isAllowed(status, action)),
  };
}

/**
 * Lifecycle actions that move a desk ticket or change its SLA standing.
 * Comments, work logs and links are appends, not actions.
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

const WORKING: readonly DeskTicketStatus[] = [
  'acknowledged',
  'on-site',
  'in-progress',
];
const UNRESOLVED: readonly DeskTicketStatus[] = ['new', ...WORKING, 'pending'];

const deskLifecycle = defineLifecycle<DeskTicketStatus, TicketAction>({
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
});

export const TICKET_ACTIONS: readonly TicketAction[] = deskLifecycle.actions;

/** Types whose work happens at a place, so an engineer can check in on site. */
const ON_SITE_TYPES: readonly TicketType[] = ['incident', 'service-request'];

/**
 * Whether desk `action` may be taken on a ticket of this type in this
 * status. Never on a change: it has its own actions (`changeLifecycle`).
 */
export function isActionAllowed(
  type: TicketType,
  status: TicketStatus,
  action: TicketAction,
): boolean {
  if (type === 'change') return false;
  if (action === 'arrive' && !ON_SITE_TYPES.includes(type)) {
    return false;
  }
  return deskLifecycle.isAllowed(status as DeskTicketStatus, action);
}

/** The desk actions open to a ticket, in the order the UI offers them. */
export function allowedActions(
  type: TicketType,
  status: TicketStatus,
): TicketAction[] {
  return TICKET_ACTIONS.filter(action => isActionAllowed(type, status, action));
}

/** The status a resumed ticket returns to: where it was before the pause. */
export function statusAfterResume(
  before: TicketStatus | undefined,
): DeskTicketStatus {
  return before && (WORKING as readonly string[]).includes(before)
    ? (before as DeskTicketStatus)
    : 'in-progress';
}
