import type { Ticket } from '@internal/plugin-tickets-common';
import { pageEventOf } from './notificationsModule';

const AT = '2026-12-05T19:00:00.000Z';
const ticket = {
  id: 't-1',
  number: 'INC-2026-00042',
  level: 'L1',
  title: '第三审判庭庭审音视频中断',
  entityRefs: ['resource:court/trial-room-3-av'],
  clocks: {
    response: { dueAt: '2026-12-05T18:50:00.000Z' },
    arrival: { dueAt: '2026-12-05T19:30:00.000Z' },
    resolution: { dueAt: '2026-12-05T23:00:00.000Z' },
  },
} as unknown as Ticket;

const options = (payload: object) =>
  ({
    recipients: { type: 'entity', entityRef: ['user:default/lina'] },
    payload: { title: 't', ...payload },
  } as Parameters<typeof pageEventOf>[0]);

describe('the notifications that page', () => {
  it('a new ticket, keyed by its notification scope, with the next deadline still ahead', () => {
    expect(
      pageEventOf(
        options({
          topic: 'ticket-created',
          scope: 'ticket:t-1:created',
          severity: 'critical',
        }),
        ticket,
        AT,
      ),
    ).toEqual({
      key: 'ticket:t-1:created',
      kind: 'ticket-created',
      ticketId: 't-1',
      ticketNumber: 'INC-2026-00042',
      level: 'L1',
      title: '第三审判庭庭审音视频中断',
      place: 'trial-room-3-av',
      deadline: '2026-12-05T19:30:00.000Z',
      at: AT,
    });
  });

  it('an SLA breach (critical) pages as its own event; a warning (high) does not', () => {
    expect(
      pageEventOf(
        options({
          topic: 'sla',
          scope: 'sla:t-1:arrival',
          severity: 'critical',
        }),
        ticket,
        AT,
      ),
    ).toMatchObject({
      key: 'sla:t-1:arrival:breach',
      kind: 'sla-breach',
    });
    expect(
      pageEventOf(
        options({ topic: 'sla', scope: 'sla:t-1:arrival', severity: 'high' }),
        ticket,
        AT,
      ),
    ).toBeUndefined();
    expect(
      pageEventOf(
        options({ topic: 'ticket-assigned', scope: 'ticket:t-1:assigned' }),
        ticket,
        AT,
      ),
    ).toBeUndefined();
  });

  it('a ticket raised by a major event pages the engineers it was sent to, first', () => {
    expect(
      pageEventOf(
        {
          recipients: {
            type: 'entity',
            entityRef: ['user:default/zhangwei', 'user:default/liuyang'],
          },
          payload: {
            title: 't',
            topic: 'major-event',
            scope: 'ticket:t-1:major-event',
            severity: 'high',
          },
        },
        ticket,
        AT,
      ),
    ).toMatchObject({
      key: 'ticket:t-1:major-event',
      kind: 'major-event',
      ticketNumber: 'INC-2026-00042',
      onCall: ['user:default/zhangwei', 'user:default/liuyang'],
    });
  });

  it("an alert storm's incident (monitoring's notification) pages as an alert storm, keyed by the storm", () => {
    expect(
      pageEventOf(
        options({
          topic: 'alert-storm',
          scope: 'monitoring:storm:s-1',
          severity: 'critical',
          link: '/tickets/INC-2026-00042',
        }),
        ticket,
        AT,
      ),
    ).toMatchObject({
      key: 'monitoring:storm:s-1',
      kind: 'alert-storm',
      ticketNumber: 'INC-2026-00042',
      level: 'L1',
    });
    expect(
      pageEventOf(options({ topic: 'alert-storm' }), ticket, AT),
    ).toBeUndefined();
  });
});
