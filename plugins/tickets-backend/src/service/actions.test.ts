import fc from 'fast-check';
import { mockServices } from '@backstage/backend-test-utils';
import { SlaEngine } from '@internal/plugin-sla-common';
import {
  allowedActions,
  DESK_TICKET_TYPES,
  DeskTicketStatus,
  ParsedTicketAction,
  TICKET_ACTIONS,
  TicketAction,
} from '@internal/plugin-tickets-common';
import { StoredEvent, StoredTicket } from '../database/rows';
import { applyAction } from './actions';
import { TicketSla } from './TicketSla';

const engine = new SlaEngine();
const sla = new TicketSla(engine, 0.75, mockServices.logger.mock());
const policy = engine.activePolicy();

/** A full request for each action, as the router would parse it. */
const REQUESTS: Record<TicketAction, ParsedTicketAction> = {
  acknowledge: { action: 'acknowledge', version: 1 },
  arrive: { action: 'arrive', version: 1 },
  'start-work': { action: 'start-work', version: 1 },
  pause: { action: 'pause', version: 1, reason: 'waiting-vendor', note: 'n' },
  resume: { action: 'resume', version: 1 },
  reprioritise: {
    action: 'reprioritise',
    version: 1,
    urgency: 'low',
    impact: 'small',
    reason: 'r',
  },
  assign: { action: 'assign', version: 1, assignee: 'user:default/liuyang' },
  resolve: { action: 'resolve', version: 1, resolution: 'r' },
  'call-back': {
    action: 'call-back',
    version: 1,
    outcome: 'unsatisfied',
    satisfaction: 2,
    note: 'n',
  },
  reopen: { action: 'reopen', version: 1, reason: 'r' },
  close: { action: 'close', version: 1 },
};

/** What the SLA engine calls the ticket's state, for each lifecycle status. */
const ENGINE_STATUS: Record<DeskTicketStatus, string> = {
  new: 'open',
  acknowledged: 'open',
  'on-site': 'open',
  'in-progress': 'open',
  pending: 'paused',
  resolved: 'resolved',
  closed: 'closed',
};

describe('the lifecycle and the SLA engine agree', () => {
  it('every allowed action sequence is a history the SLA engine accepts, with the same status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DESK_TICKET_TYPES),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3_600_000 })), {
          maxLength: 25,
        }),
        (type, steps) => {
          let at = Date.parse('2026-11-27T01:00:00.000Z');
          let ticket = {
            id: 't',
            number: 'INC-2026-00001',
            type,
            status: 'new',
            urgency: 'high',
            impact: 'large',
            level: 'L1',
            policy: { id: policy.id, version: policy.version },
            version: 1,
          } as unknown as StoredTicket;
          const events: StoredEvent[] = [
            {
              seq: 1,
              type: 'created',
              at: new Date(at).toISOString(),
              actor: 'u',
              data: { urgency: 'high', impact: 'large' },
            },
          ];
          for (const [pick, gap] of steps) {
            const { urgency } = ticket;
            const allowed = allowedActions(ticket.type, ticket.status).filter(
              // Reprioritising to the same urgency and impact is refused.
              a => a !== 'reprioritise' || urgency !== 'low',
            );
            if (allowed.length === 0) break;
            const action = allowed[pick % allowed.length];
            at += gap;
            const outcome = applyAction(
              ticket,
              REQUESTS[action],
              policy,
              'user:default/wangqiang',
              new Date(at).toISOString(),
            );
            for (const event of outcome.events)
              events.push({ ...event, seq: events.length + 1 });
            ticket = {
              ...ticket,
              ...stripNulls(outcome.fields),
            } as StoredTicket;
          }
          const clocks = sla.clocks(ticket, events, new Date(at).toISOString());
          const hasClocks = type === 'incident' || type === 'service-request';
          expect(clocks?.status).toBe(
            hasClocks
              ? ENGINE_STATUS[ticket.status as DeskTicketStatus]
              : undefined,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses each action outside its statuses with a conflict naming it', () => {
    const closed = {
      type: 'incident',
      status: 'closed',
      number: 'INC-2026-00002',
    } as StoredTicket;
    for (const action of TICKET_ACTIONS) {
      expect(() =>
        applyAction(
          closed,
          REQUESTS[action],
          policy,
          'u',
          '2026-11-27T01:00:00.000Z',
        ),
      ).toThrow(`cannot ${action} ticket INC-2026-00002: it is closed`);
    }
  });

  it('lets only on-site work arrive', () => {
    for (const type of ['problem', 'complaint'] as const) {
      expect(allowedActions(type, 'new')).not.toContain('arrive');
    }
    expect(allowedActions('incident', 'new')).toContain('arrive');
  });

  it('takes no desk action on a change, which has its own workflow', () => {
    const change = {
      type: 'change',
      status: 'in-progress',
      number: 'CHG-2026-00001',
    } as StoredTicket;
    expect(allowedActions('change', 'in-progress')).toEqual([]);
    expect(() =>
      applyAction(
        change,
        REQUESTS.resolve,
        policy,
        'u',
        '2026-11-27T01:00:00.000Z',
      ),
    ).toThrow('CHG-2026-00001 is a change');
  });
});

function stripNulls(fields: object) {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v === null ? undefined : v]),
  );
}
