import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { Ticket, TICKET_RESOURCE_TYPE } from '@internal/plugin-tickets-common';
import { z } from 'zod';

/** What a ticket permission rule looks at. */
export type TicketAccessFacts = Pick<
  Ticket,
  'id' | 'number' | 'reporter' | 'assignee' | 'group'
>;

/**
 * A store-neutral filter that a rule turns into: tickets whose `property` is
 * one of `values`. The tickets backend turns it into SQL.
 */
export interface TicketQueryFilter {
  readonly property: 'reporter' | 'assignee' | 'group';
  readonly values: readonly string[];
}

export const ticketPermissionResourceRef = createPermissionResourceRef<
  TicketAccessFacts,
  TicketQueryFilter
>().with({ pluginId: 'tickets', resourceType: TICKET_RESOURCE_TYPE });

const refsParams = z.object({
  refs: z
    .array(z.string())
    .describe('User or group entity refs, e.g. the caller ownership claims'),
});

/** The ticket was reported by one of `refs` (court staff see their own). */
export const isReporter = createPermissionRule({
  name: 'IS_REPORTER',
  description: 'Allow tickets reported by one of the given users',
  resourceRef: ticketPermissionResourceRef,
  paramsSchema: refsParams,
  apply: (ticket, { refs }) => refs.includes(ticket.reporter),
  toQuery: ({ refs }) => ({ property: 'reporter', values: refs }),
});

/** The ticket is assigned to one of `refs`. */
export const isAssignee = createPermissionRule({
  name: 'IS_ASSIGNEE',
  description: 'Allow tickets assigned to one of the given users',
  resourceRef: ticketPermissionResourceRef,
  paramsSchema: refsParams,
  apply: (ticket, { refs }) =>
    ticket.assignee !== undefined && refs.includes(ticket.assignee),
  toQuery: ({ refs }) => ({ property: 'assignee', values: refs }),
});

/** The ticket belongs to one of the groups in `refs`. */
export const inGroup = createPermissionRule({
  name: 'IN_GROUP',
  description: 'Allow tickets of one of the given groups',
  resourceRef: ticketPermissionResourceRef,
  paramsSchema: refsParams,
  apply: (ticket, { refs }) =>
    ticket.group !== undefined && refs.includes(ticket.group),
  toQuery: ({ refs }) => ({ property: 'group', values: refs }),
});

export const ticketPermissionRules = { isReporter, isAssignee, inGroup };

/** For policies: `ticketConditions.isReporter({ refs })`, `createTicketConditionalDecision`. */
export const {
  conditions: ticketConditions,
  createConditionalDecision: createTicketConditionalDecision,
} = createConditionExports({
  resourceRef: ticketPermissionResourceRef,
  rules: ticketPermissionRules,
});
