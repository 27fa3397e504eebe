import { mockServices } from '@backstage/backend-test-utils';
import {
  Ticket,
  TicketsApi,
  ticketNotificationFactsOf,
} from '@internal/plugin-tickets-common';
import { fakeHttpService } from './__testUtils__/fakeServers';
import {
  PagingNotificationProcessor,
  pageEventOf,
} from './notificationsModule';

const AT = '2026-12-05T19:00:00.000Z';
/** The ticket as the tickets API answers it (only what paging reads). */
const apiTicket = {
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
const ticket = ticketNotificationFactsOf(apiTicket);

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

describe('the paging processor', () => {
  /** The processor with paging's events endpoint on a local server and a tickets API that counts reads. */
  async function processorWithPaging() {
    const paging = await fakeHttpService(() => ({ status: 201, json: {} }));
    const reads: string[] = [];
    const tickets = {
      as: () =>
        ({
          async getTicket(number: string) {
            reads.push(number);
            return { ticket: apiTicket };
          },
        } as unknown as TicketsApi),
    };
    const processor = new PagingNotificationProcessor({
      tickets,
      auth: mockServices.auth(),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => paging.url,
      }),
      logger: mockServices.logger.mock(),
      now: () => AT,
    });
    return { paging, reads, processor };
  }

  const created = (metadata?: object) =>
    options({
      topic: 'ticket-created',
      scope: 'ticket:t-1:created',
      severity: 'critical',
      link: '/tickets/INC-2026-00042',
      ...(metadata ? { metadata } : {}),
    });

  it('pages from the facts the tickets’ notification carries, without reading the ticket back', async () => {
    const { paging, reads, processor } = await processorWithPaging();
    try {
      await processor.processOptions(created({ ticket }));
      expect(reads).toEqual([]);
      expect(paging.received.map(r => JSON.parse(r.body))).toEqual([
        pageEventOf(created(), ticket, AT),
      ]);
    } finally {
      await paging.close();
    }
  });

  it('reads the ticket when the notification carries no facts, or another ticket’s', async () => {
    const { paging, reads, processor } = await processorWithPaging();
    try {
      await processor.processOptions(created());
      await processor.processOptions(
        created({ ticket: { ...ticket, number: 'INC-2026-00001' } }),
      );
      await processor.processOptions(created({ ticket: { id: 't-1' } }));
      expect(reads).toEqual([
        'INC-2026-00042',
        'INC-2026-00042',
        'INC-2026-00042',
      ]);
      const expected = pageEventOf(created(), ticket, AT);
      expect(paging.received.map(r => JSON.parse(r.body))).toEqual([
        expected,
        expected,
        expected,
      ]);
    } finally {
      await paging.close();
    }
  });
});
