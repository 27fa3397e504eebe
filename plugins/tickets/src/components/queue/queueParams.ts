import {
  PRIORITY_LEVELS,
  type PriorityLevel,
} from '@internal/plugin-sla-common';
import {
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type ListTicketsQuery,
  type TicketSort,
  type TicketStatus,
  type TicketType,
} from '@internal/plugin-tickets-common';

/** The desk's three ways in: everything open, mine, and what is about to breach. */
export const QUEUE_VIEWS = ['open', 'mine', 'at-risk'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** What the desk filters the queue by; kept in the URL so a view can be shared. */
export interface QueueFilters {
  readonly view: QueueView;
  readonly status: readonly TicketStatus[];
  readonly type: readonly TicketType[];
  readonly level: readonly PriorityLevel[];
  readonly system?: string;
  /** `me` or a user entity ref. */
  readonly assignee?: string;
  readonly q?: string;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly sort: TicketSort;
}

function listParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  return (params.get(name) ?? '')
    .split(',')
    .filter((value): value is T => allowed.includes(value as T));
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Reads the filters from the URL, ignoring anything it does not know. */
export function parseQueueParams(params: URLSearchParams): QueueFilters {
  return {
    view: oneOf(params.get('view'), QUEUE_VIEWS, 'open'),
    status: listParam(params, 'status', TICKET_STATUSES),
    type: listParam(params, 'type', TICKET_TYPES),
    level: listParam(params, 'level', PRIORITY_LEVELS),
    system: params.get('system') || undefined,
    assignee: params.get('assignee') || undefined,
    q: params.get('q') || undefined,
    atRisk: params.get('atRisk') === 'true',
    breached: params.get('breached') === 'true',
    sort: oneOf(params.get('sort'), TICKET_SORTS, 'due'),
  };
}

/** Writes the filters to URL parameters, leaving defaults out. */
export function queueParams(filters: QueueFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.view !== 'open') params.view = filters.view;
  if (filters.status.length) params.status = filters.status.join(',');
  if (filters.type.length) params.type = filters.type.join(',');
  if (filters.level.length) params.level = filters.level.join(',');
  if (filters.system) params.system = filters.system;
  if (filters.assignee) params.assignee = filters.assignee;
  if (filters.q) params.q = filters.q;
  if (filters.atRisk) params.atRisk = 'true';
  if (filters.breached) params.breached = 'true';
  if (filters.sort !== 'due') params.sort = filters.sort;
  return params;
}

/** The API query of a queue view and its filters. */
export function toListQuery(filters: QueueFilters): ListTicketsQuery {
  const query: ListTicketsQuery = { sort: filters.sort };
  // Without a status filter the desk sees what still owes work.
  if (filters.status.length) query.status = [...filters.status];
  else query.open = 'true';
  if (filters.type.length) query.type = [...filters.type];
  if (filters.level.length) query.level = [...filters.level];
  if (filters.system) query.system = filters.system;
  const assignee = filters.view === 'mine' ? 'me' : filters.assignee;
  if (assignee) query.assignee = assignee;
  if (filters.view === 'at-risk' || filters.atRisk) query.atRisk = 'true';
  if (filters.breached) query.breached = 'true';
  if (filters.q) query.q = filters.q;
  return query;
}
