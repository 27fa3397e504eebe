// The real duty plugin beside the desk, as packages/backend wires them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dutyPlugin from '@internal/plugin-duty-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { answered } from '@internal/plugin-court-node/testUtils';
import request from 'supertest';
import {
  as,
  newIncident,
  RECORDER,
  SWITCH,
  startTicketsBackend,
} from './__testUtils__/backend';

jest.setTimeout(120_000);

const TEAM = [
  { ref: 'user:default/lina', posts: ['desk'] },
  { ref: 'user:default/zhangwei', posts: ['desk', 'hardware'] },
  { ref: 'user:default/liuyang', posts: ['software'] },
];
const NAMED = ['user:default/zhangwei', 'user:default/liuyang'];

/**
 * Major-event assurance (重点保障, DUTY-3) with the real duty plugin: during a plan's event a
 * ticket on a device in its scope is raised to at least L2 (duty.majorEvents.minimumLevel), its
 * history says why, and the plan's engineers are notified with the topic paging pages for
 * (plugins/paging-backend: notificationsModule.test.ts maps it, withDuty.test.ts pages them).
 */
describe('tickets during a major event', () => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  let clock: ManualCourtClock;
  const api = () => request(backend.server);
  // Medium urgency, small impact: L4 by the contract's matrix.
  const minor = (entityRefs: string[]) =>
    newIncident({ urgency: 'medium', impact: 'small', entityRefs });
  const created = async (path: string, user: string, body: object) =>
    answered(
      await api().post(path).set('Authorization', as(user)).send(body),
      201,
    ).body;
  const file = (body: object) => created('/api/tickets/tickets', 'xuli', body);
  // The ops manager plans a major event with duty.
  const planEvent = (plan: object) =>
    created('/api/duty/major-events', 'sunlei', plan);
  const majorEventNotices = (ticketId: string) =>
    backend.notifications.filter(
      n => n.payload.scope === `ticket:${ticketId}:major-event`,
    );

  beforeAll(async () => {
    clock = new ManualCourtClock('2026-03-02T10:00:00+08:00');
    backend = await startTicketsBackend({
      clock,
      config: {
        app: { baseUrl: 'http://portal.court.example' },
        duty: { engineers: TEAM },
        courtOps: {
          locations: [
            {
              id: 'A-3F-T01',
              building: '审判楼',
              buildingEn: 'Trial Building',
              floor: '3F',
              room: '第一法庭',
              roomEn: 'Courtroom 1',
              kind: 'courtroom',
            },
          ],
        },
      },
      // Backstage's events service as the backend has it, so duty's change events reach the desk.
      features: [dutyPlugin, eventsServiceFactory],
    });
    await planEvent({
      title: '张某某案公开宣判',
      kind: 'trial',
      startsAt: '2026-03-10T09:00:00+08:00',
      endsAt: '2026-03-10T12:00:00+08:00',
      place: 'A-3F-T01',
      scope: [RECORDER],
      onSite: [NAMED[0]],
      standby: [NAMED[1]],
    });
  });
  afterAll(() => backend?.stop());

  it("an event-scope device's ticket is raised to L2, says why in its history, and notifies the named engineers for paging", async () => {
    await clock.set('2026-03-10T10:00:00+08:00');
    const ticket = await file(minor([RECORDER]));
    expect(ticket.level).toBe('L2');
    // The SLA clocks run on the raised level: L2 responds within 10 minutes.
    expect(ticket.clocks.response).toMatchObject({
      level: 'L2',
      dueAt: '2026-03-10T02:10:00.000Z',
    });
    const detail = answered(
      await api()
        .get(`/api/tickets/tickets/${ticket.number}`)
        .set('Authorization', as('lina')),
      200,
    ).body;
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'priority-changed',
    ]);
    expect(detail.events[1]).toMatchObject({
      actor: 'plugin:duty',
      level: 'L2',
      floor: 'L2',
      reason: '重点保障：张某某案公开宣判',
    });
    const notices = majorEventNotices(ticket.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].recipients).toEqual({
      type: 'entity',
      entityRef: NAMED,
    });
    expect(notices[0].payload).toMatchObject({
      topic: 'major-event',
      link: `/tickets/${ticket.number}`,
    });
  });

  it('never lowers: an L1 on the scope stays L1, unchanged in its history, and still pages the named engineers', async () => {
    await clock.set('2026-03-10T10:30:00+08:00');
    const ticket = await file(
      newIncident({ urgency: 'high', impact: 'large', entityRefs: [RECORDER] }),
    );
    expect(ticket.level).toBe('L1');
    const detail = answered(
      await api()
        .get(`/api/tickets/tickets/${ticket.number}`)
        .set('Authorization', as('lina')),
      200,
    ).body;
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
    ]);
    expect(majorEventNotices(ticket.id)).toHaveLength(1);
  });
  it('leaves tickets off the scope, and tickets after the end, as the matrix says', async () => {
    await clock.set('2026-03-10T11:00:00+08:00');
    const offScope = await file(minor([SWITCH]));
    expect(offScope.level).toBe('L4');
    expect(majorEventNotices(offScope.id)).toEqual([]);
    await clock.set('2026-03-10T12:00:00+08:00');
    const after = await file(minor([RECORDER]));
    expect(after.level).toBe('L4');
    expect(majorEventNotices(after.id)).toEqual([]);
  });

  it('a plan made or changed while the desk keeps its minute of duty reaches the next filing at once', async () => {
    await clock.set('2026-03-11T14:00:00+08:00');
    // The desk now keeps the minute from 14:00 without a plan.
    expect((await file(minor([RECORDER]))).level).toBe('L4');
    const plan = await planEvent({
      title: '院务会',
      kind: 'conference',
      startsAt: '2026-03-11T13:30:00+08:00',
      endsAt: '2026-03-11T15:00:00+08:00',
      place: 'A-3F-T01',
      scope: [RECORDER],
      onSite: [NAMED[0]],
      standby: [],
    });
    await clock.set('2026-03-11T14:00:10+08:00');
    expect((await file(minor([RECORDER]))).level).toBe('L2');
    // Ended early: the next filing in the same minute is back on the matrix.
    answered(
      await api()
        .put(`/api/duty/major-events/${plan.id}`)
        .set('Authorization', as('sunlei'))
        .send({
          plan: {
            title: plan.title,
            kind: plan.kind,
            startsAt: plan.startsAt,
            endsAt: '2026-03-11T14:00:15+08:00',
            place: plan.place,
            scope: plan.scope,
            onSite: plan.onSite,
            standby: plan.standby,
          },
          revision: plan.revision,
        }),
      200,
    );
    await clock.set('2026-03-11T14:00:20+08:00');
    expect((await file(minor([RECORDER]))).level).toBe('L4');
  });
});
