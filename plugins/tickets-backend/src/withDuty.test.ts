// The real duty plugin beside the desk, as packages/backend wires them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dutyPlugin from '@internal/plugin-duty-backend';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { answered, eventually } from '@internal/plugin-court-node/testUtils';
import request from 'supertest';
import { as, newIncident, startTicketsBackend } from './__testUtils__/backend';

jest.setTimeout(120_000);

const TEAM = [
  { ref: 'user:default/lina', posts: ['desk'] },
  { ref: 'user:default/zhangwei', posts: ['desk', 'hardware'] },
  { ref: 'user:default/wangqiang', posts: ['hardware'] },
  { ref: 'user:default/liuyang', posts: ['software'] },
  { ref: 'user:default/chenjing', posts: ['software'] },
];

/**
 * Tickets filed outside on-site hours go to the engineer on phone duty (SLA-3), as the duty
 * roster says; in on-site hours, to the day desk as before. Each plugin has its own database
 * (in-memory SQLite); both stores are tested on PostgreSQL in their own suites.
 */
describe('tickets with the duty roster', () => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  let clock: ManualCourtClock;
  let phoneOn16th: string;
  let phoneOn18th: string;
  const api = () => request(backend.server);

  beforeAll(async () => {
    // Near the instants the tests name: the breach watch wakes up along every minute passed.
    clock = new ManualCourtClock('2026-02-16T20:00:00+08:00');
    backend = await startTicketsBackend({
      clock,
      config: {
        app: { baseUrl: 'http://portal.court.example' },
        duty: { engineers: TEAM },
      },
      features: [dutyPlugin],
    });
    const roster = answered(
      await api()
        .post('/api/duty/rosters/2026-02/generate')
        .set('Authorization', as('sunlei'))
        .send({}),
      201,
    ).body;
    const phoneOn = (date: string) =>
      roster.shifts.find(
        (s: { date: string; kind: string }) =>
          s.date === date && s.kind === 'phone',
      ).engineer;
    phoneOn16th = phoneOn('2026-02-16');
    phoneOn18th = phoneOn('2026-02-18');
  });
  afterAll(() => backend?.stop());

  const assignedTo = (ticketId: string) =>
    backend.notifications
      .filter(n => n.payload.scope === `ticket:${ticketId}:assigned`)
      .flatMap(n =>
        n.recipients.type === 'entity' ? [n.recipients.entityRef].flat() : [],
      );

  /** Who was told of the ticket's response clock warning or breach. */
  const toldOfResponse = (ticketId: string) =>
    backend.notifications
      .filter(n => n.payload.scope === `sla:${ticketId}:response`)
      .flatMap(n =>
        n.recipients.type === 'entity' ? [n.recipients.entityRef].flat() : [],
      );

  /** The `created` event's data: whom the ticket was routed to at filing, and why. */
  const filedFor = async (ticketId: string) =>
    answered(
      await api()
        .get(`/api/tickets/tickets/${ticketId}`)
        .set('Authorization', as('lina')),
      200,
    ).body.events.find((e: { type: string }) => e.type === 'created');

  const file = async (user: string, body = newIncident()) =>
    answered(
      await api()
        .post('/api/tickets/tickets')
        .set('Authorization', as(user))
        .send(body),
      201,
    ).body;

  it('a ticket filed at 21:00 on a Spring Festival night is assigned to and notifies the phone-duty engineer', async () => {
    await clock.set('2026-02-16T21:00:00+08:00');
    const ticket = await file('xuli');
    expect(phoneOn16th).toMatch(/^user:default\//);
    expect(ticket.assignee).toBe(phoneOn16th);
    await eventually(() =>
      expect(assignedTo(ticket.id)).toEqual([phoneOn16th]),
    );
    // The ticket page shows the on-call engineer with the arrival clock from this mark.
    expect(await filedFor(ticket.id)).toMatchObject({
      assignee: phoneOn16th,
      phoneDuty: true,
    });
  });

  it('one filed at 10:00 the next morning goes to the day desk, unassigned, as before', async () => {
    await clock.set('2026-02-17T10:00:00+08:00');
    const ticket = await file('xuli');
    expect(ticket.assignee).toBeUndefined();
    // Once the new-ticket notice is out, an assignment notice would be too (the same round).
    await eventually(() =>
      expect(
        backend.notifications.some(
          n => n.payload.scope === `ticket:${ticket.id}:created`,
        ),
      ).toBe(true),
    );
    expect(assignedTo(ticket.id)).toEqual([]);
    expect(await filedFor(ticket.id)).not.toHaveProperty('phoneDuty');
  });

  it('a ticket the desk routes itself keeps its assignee at night', async () => {
    await clock.set('2026-02-17T22:00:00+08:00');
    const ticket = await file(
      'lina',
      newIncident({ assignee: 'user:default/liuyang' }),
    );
    expect(ticket.assignee).toBe('user:default/liuyang');
    expect(await filedFor(ticket.id)).not.toHaveProperty('phoneDuty');
  });

  it("an SLA warning at night goes to the phone-duty engineer and the ops managers besides the ticket's group", async () => {
    await clock.set('2026-02-18T21:00:00+08:00');
    const ticket = await file(
      'lina',
      newIncident({ group: 'group:default/onsite-team' }),
    );
    expect(ticket.assignee).toBeUndefined();
    // L2: respond within 10 minutes; the first warning at half of it.
    await clock.set('2026-02-18T21:06:00+08:00');
    const told = toldOfResponse(ticket.id);
    expect(told).toEqual(
      expect.arrayContaining([
        'group:default/onsite-team',
        phoneOn18th,
        'group:default/ops-managers',
      ]),
    );
  });

  it("by day it goes to the ticket's group, not to last night's phone duty nor the ops managers", async () => {
    await clock.set('2026-02-19T10:00:00+08:00');
    const ticket = await file(
      'lina',
      newIncident({ group: 'group:default/onsite-team' }),
    );
    await clock.set('2026-02-19T10:06:00+08:00');
    expect(toldOfResponse(ticket.id)).toEqual(['group:default/onsite-team']);
  });
});
