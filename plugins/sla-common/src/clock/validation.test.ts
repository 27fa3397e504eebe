import {
  bj,
  created,
  event,
  paused,
  reprioritised,
} from '../__testUtils__/tickets';
import { SlaEngine } from '../engine';
import { defaultContractPolicy as policy } from '../policy/contract';
import { InvalidEventSequenceError, TicketEvent } from './events';

const sla = new SlaEngine();
const open = created('2026-03-02T10:00', 'high', 'medium');
const resolved = [
  open,
  event('arrived', '2026-03-02T10:10'),
  event('resolved', '2026-03-02T11:00'),
];

/** The error a sequence raises, checked to be typed and to name the event. */
function errorOf(
  events: readonly unknown[],
  now = '2026-03-03T10:00',
): InvalidEventSequenceError {
  try {
    sla.computeClocks({ events: events as TicketEvent[], policy }, bj(now));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventSequenceError);
    return error as InvalidEventSequenceError;
  }
  throw new Error('the sequence was accepted');
}

describe('invalid event sequences', () => {
  it.each([
    ['no events', [], 0, 'event 0: a ticket needs a created event'],
    [
      'resolved before created',
      [event('resolved', '2026-03-02T10:00'), open],
      0,
      "first event must be 'created'",
    ],
    ['created twice', [open, open], 1, 'already created'],
    [
      'events out of time order',
      [open, event('acknowledged', '2026-03-02T09:59')],
      1,
      'earlier than event 0',
    ],
    [
      'resume without pause',
      [open, event('resumed', '2026-03-02T10:05')],
      1,
      'resumed without a pause',
    ],
    [
      'pause while paused',
      [open, paused('2026-03-02T10:05'), paused('2026-03-02T10:06')],
      2,
      'already paused',
    ],
    [
      'acknowledged twice',
      [
        open,
        event('acknowledged', '2026-03-02T10:01'),
        event('acknowledged', '2026-03-02T10:02'),
      ],
      2,
      'already acknowledged',
    ],
    [
      'arrived twice',
      [
        open,
        event('arrived', '2026-03-02T10:01'),
        event('arrived', '2026-03-02T10:02'),
      ],
      2,
      'already arrived',
    ],
    [
      'resolved twice',
      [...resolved, event('resolved', '2026-03-02T12:00')],
      3,
      'resolved again',
    ],
    [
      'reopen an open ticket',
      [open, event('reopened', '2026-03-02T10:05')],
      1,
      'only a resolved ticket can be reopened',
    ],
    [
      'close an open ticket',
      [open, event('closed', '2026-03-02T10:05')],
      1,
      'only a resolved ticket can be closed',
    ],
    [
      'events after closed',
      [
        ...resolved,
        event('closed', '2026-03-02T12:00'),
        event('reopened', '2026-03-02T13:00'),
      ],
      4,
      'the ticket is closed',
    ],
    [
      'priority change while resolved',
      [...resolved, reprioritised('2026-03-02T12:00', 'low', 'small')],
      3,
      'reprioritised while the ticket is resolved',
    ],
    [
      'a pause while resolved',
      [...resolved, paused('2026-03-02T12:00')],
      3,
      'paused while the ticket is resolved',
    ],
    [
      'an unknown urgency',
      [{ ...open, urgency: 'urgent' }],
      0,
      'urgency must be one of high|medium|low',
    ],
    [
      'an unknown pause reason',
      [open, { type: 'paused', at: bj('2026-03-02T10:05'), reason: 'lunch' }],
      1,
      'pause reason must be one of',
    ],
    [
      'an unknown event type',
      [open, { type: 'escalated', at: bj('2026-03-02T10:05') }],
      1,
      'unknown event type "escalated"',
    ],
    [
      'an instant without offset',
      [open, { type: 'arrived', at: '2026-03-02T10:05:00' }],
      1,
      'not an ISO 8601 instant',
    ],
    ['something that is not an event', [open, null], 1, 'not an event object'],
    [
      'an event after now',
      [open, event('arrived', '2026-03-03T10:05')],
      1,
      'later than now',
    ],
  ])('refuses %s, naming the event', (_, events, index, message) => {
    const error = errorOf(events);
    expect(error.index).toBe(index);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(new RegExp(`^event ${index}\\b`));
  });

  it('says which event and when', () => {
    expect(errorOf([open, event('resumed', '2026-03-02T10:05')]).message).toBe(
      'event 1 (resumed at 2026-03-02T02:05:00.000Z): resumed without a pause',
    );
  });

  it('accepts events at the same instant', () => {
    const result = sla.computeClocks(
      {
        policy,
        events: [
          open,
          event('acknowledged', '2026-03-02T10:00'),
          event('arrived', '2026-03-02T10:00'),
        ],
      },
      bj('2026-03-02T10:00'),
    );
    expect(result.arrival.state).toBe('met');
  });
});
