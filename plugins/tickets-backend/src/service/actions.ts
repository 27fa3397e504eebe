import { ConflictError, InputError } from '@backstage/errors';
import { SlaPolicy } from '@internal/plugin-sla-common';
import {
  AwaitedPart,
  isActionAllowed,
  ParsedTicketAction,
  statusAfterResume,
} from '@internal/plugin-tickets-common';
import {
  NewTicketEvent,
  StoredTicket,
  TicketFieldUpdates,
} from '../database/rows';

/** What a lifecycle action does to a ticket: its new fields and log entries. */
export interface ActionOutcome {
  readonly fields: TicketFieldUpdates;
  readonly events: NewTicketEvent[];
}

/**
 * Turns an action on a ticket into its change. Pure: the caller checks the
 * version and permissions and stores the outcome.
 * @throws ConflictError (409) for an action the ticket's status does not allow
 */
export function applyAction(
  ticket: StoredTicket,
  action: ParsedTicketAction,
  policy: SlaPolicy,
  actor: string,
  at: string,
  /** A pause's part as the desk resolved it (a stocked part's name looked up). */
  awaitedPart?: AwaitedPart,
): ActionOutcome {
  if (ticket.type === 'change') {
    throw new ConflictError(
      `${ticket.number} is a change: its steps are taken through /changes/${ticket.number}/actions`,
    );
  }
  if (!isActionAllowed(ticket.type, ticket.status, action.action)) {
    throw new ConflictError(
      `cannot ${action.action} ticket ${ticket.number}: it is ${ticket.status}`,
    );
  }
  const event = (type: string, data: Record<string, unknown> = {}) => ({
    type,
    at,
    actor,
    data,
  });
  // Whoever takes or works the ticket first becomes its assignee.
  const claim = ticket.assignee ? {} : { assignee: actor };

  switch (action.action) {
    case 'acknowledge':
      return {
        fields: { status: 'acknowledged', ...claim },
        events: [event('acknowledged')],
      };
    case 'arrive':
      return {
        fields: { status: 'on-site', ...claim },
        // Arriving unannounced is also the response.
        events: [
          ...(ticket.status === 'new' ? [event('acknowledged')] : []),
          event('arrived'),
        ],
      };
    case 'start-work':
      return {
        fields: { status: 'in-progress', ...claim },
        events: [event('work-started')],
      };
    case 'pause':
      return {
        fields: {
          status: 'pending',
          pauseReason: action.reason,
          awaitedPartTypeId: awaitedPart?.partTypeId ?? null,
          awaitedPartName: awaitedPart?.name ?? null,
          resumeStatus: ticket.status,
        },
        events: [
          event('paused', {
            reason: action.reason,
            note: action.note,
            part: awaitedPart,
          }),
        ],
      };
    case 'resume':
      return {
        fields: {
          status: statusAfterResume(ticket.resumeStatus),
          pauseReason: null,
          awaitedPartTypeId: null,
          awaitedPartName: null,
          resumeStatus: null,
        },
        events: [event('resumed')],
      };
    case 'reprioritise': {
      if (
        action.urgency === ticket.urgency &&
        action.impact === ticket.impact
      ) {
        throw new InputError(
          'body.urgency: the ticket already has this urgency and impact',
        );
      }
      const level = policy.matrix[action.urgency][action.impact];
      return {
        fields: { urgency: action.urgency, impact: action.impact, level },
        events: [
          event('priority-changed', {
            urgency: action.urgency,
            impact: action.impact,
            level,
            reason: action.reason,
          }),
        ],
      };
    }
    case 'assign': {
      const fields: TicketFieldUpdates = {};
      if (action.assignee !== undefined) fields.assignee = action.assignee;
      if (action.group !== undefined) fields.group = action.group;
      return {
        fields,
        events: [
          event('assigned', {
            assignee: action.assignee ?? undefined,
            group: action.group ?? undefined,
          }),
        ],
      };
    }
    case 'resolve':
      return {
        fields: {
          status: 'resolved',
          resolvedAt: at,
          pauseReason: null,
          awaitedPartTypeId: null,
          awaitedPartName: null,
          resumeStatus: null,
        },
        events: [
          event('resolved', {
            resolution: action.resolution,
            knowledgeArticle: action.knowledgeArticle,
          }),
        ],
      };
    case 'call-back': {
      const called = event('called-back', {
        outcome: action.outcome,
        satisfaction: action.satisfaction,
        note: action.note,
      });
      const satisfaction = action.satisfaction ?? null;
      if (action.outcome === 'satisfied') {
        return {
          fields: { status: 'closed', closedAt: at, satisfaction },
          events: [called, event('closed')],
        };
      }
      if (action.outcome === 'unsatisfied') {
        // DESK-5: an unsatisfied reporter reopens the ticket.
        return {
          fields: { status: 'in-progress', resolvedAt: null, satisfaction },
          events: [
            called,
            event('reopened', {
              reason: `call-back unsatisfied: ${action.note}`,
            }),
          ],
        };
      }
      return { fields: {}, events: [called] };
    }
    case 'reopen':
      return {
        fields: { status: 'in-progress', resolvedAt: null },
        events: [event('reopened', { reason: action.reason })],
      };
    case 'close':
      return {
        fields: { status: 'closed', closedAt: at },
        events: [event('closed', { note: action.note })],
      };
    default:
      throw new InputError(
        `body.action: unknown action ${(action as { action: string }).action}`,
      );
  }
}
