import request from 'supertest';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { eventually } from '@internal/plugin-court-node/testUtils';
import { ticketNotificationFactsOf } from '@internal/plugin-tickets-common';
import {
  as,
  COURT_NOW,
  COURTROOM,
  inHours,
  newIncident,
  startTicketsBackend,
  SWITCH,
} from './__testUtils__/backend';

jest.setTimeout(60_000);

describe('tickets API', () => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  beforeAll(async () => {
    backend = await startTicketsBackend();
  });
  afterAll(() => backend.stop());

  const create = (user: string, body: Record<string, unknown> = {}) =>
    request(backend.server)
      .post('/api/tickets/tickets')
      .set('Authorization', as(user))
      .send(newIncident(body));

  const act = (user: string, ref: string, body: Record<string, unknown>) =>
    request(backend.server)
      .post(`/api/tickets/tickets/${ref}/actions`)
      .set('Authorization', as(user))
      .send(body);

  it('files an incident with its level, number, system and running clocks (Tuesday 10:00, on-site hours)', async () => {
    const res = await create('xuli');
    expect(res.status).toBe(201);
    const ticket = res.body;
    expect(ticket.createdAt).toBe(COURT_NOW.toUTC().toISO());
    expect(ticket.number).toMatch(/^INC-\d{4}-\d{5}$/);
    expect(ticket.level).toBe('L2'); // high × medium
    expect(ticket.status).toBe('new');
    expect(ticket.reporter).toBe('user:default/xuli');
    expect(ticket.systemRefs).toEqual([COURTROOM]);
    expect(ticket.policy).toEqual({ id: 'contract', version: 1 });
    expect(ticket.clocks.response.state).toBe('running');
    expect(ticket.clocks.response.targetMs).toBe(10 * 60_000);
    expect(ticket.clocks.arrival.targetMs).toBe(15 * 60_000);
    expect(ticket.clocks.resolution.state).toBe('not-started');
    // The on-site team hears of it, and open pages are told: through the outbox, after the answer.
    await eventually(() =>
      expect(
        backend.notifications.filter(
          n => n.payload.scope === `ticket:${ticket.id}:created`,
        ),
      ).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            title: expect.stringContaining(ticket.number),
            // What paging would read back from the API, carried along instead.
            metadata: { ticket: ticketNotificationFactsOf(ticket) },
          }),
        }),
      ]),
    );
    await eventually(() =>
      expect(backend.signals).toContainEqual(
        expect.objectContaining({
          channel: 'tickets',
          message: { ticketId: ticket.id, version: 1 },
        }),
      ),
    );
  });

  it('runs a fault from report to call-back, with the clocks and history to show for it', async () => {
    const { body: created } = await create('xuli');
    let version = created.version;
    const steps: [string, Record<string, unknown>][] = [
      ['wangqiang', { action: 'acknowledge' }],
      ['wangqiang', { action: 'arrive' }],
      ['wangqiang', { action: 'start-work' }],
      [
        'wangqiang',
        { action: 'pause', reason: 'waiting-part', note: '等待备用麦克风' },
      ],
      ['wangqiang', { action: 'resume' }],
      ['wangqiang', { action: 'resolve', resolution: '更换麦克风模块' }],
      [
        'lina',
        {
          action: 'call-back',
          outcome: 'satisfied',
          satisfaction: 5,
          note: '徐丽确认正常',
        },
      ],
    ];
    for (const [user, body] of steps) {
      const res = await act(user, created.number, { ...body, version });
      expect({ step: body.action, status: res.status }).toEqual({
        step: body.action,
        status: 200,
      });
      expect(res.body.version).toBe(version + 1);
      version = res.body.version;
    }
    const detail = await request(backend.server)
      .get(`/api/tickets/tickets/${created.number}`)
      .set('Authorization', as('xuli'));
    expect(detail.status).toBe(200);
    const { ticket, events } = detail.body;
    expect(ticket.status).toBe('closed');
    expect(ticket.satisfaction).toBe(5);
    expect(ticket.assignee).toBe('user:default/wangqiang');
    expect(ticket.clocks.response.state).toBe('met');
    expect(ticket.clocks.arrival.state).toBe('met');
    expect(ticket.clocks.resolution.state).toBe('met');
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'acknowledged',
      'arrived',
      'work-started',
      'paused',
      'resumed',
      'resolved',
      'called-back',
      'closed',
    ]);
    expect(events[4]).toMatchObject({
      reason: 'waiting-part',
      actor: 'user:default/wangqiang',
    });
    expect(events[7]).toMatchObject({
      outcome: 'satisfied',
      actor: 'user:default/lina',
    });
  });

  it('reopens a ticket when the call-back finds the reporter unsatisfied', async () => {
    const { body: t } = await create('mahui');
    let v = t.version;
    for (const body of [
      { action: 'arrive' },
      { action: 'resolve', resolution: '重启' },
      {
        action: 'call-back',
        outcome: 'unsatisfied',
        satisfaction: 2,
        note: '仍无声音',
      },
    ]) {
      const res = await act('wangqiang', t.id, { ...body, version: v });
      expect(res.status).toBe(200);
      v = res.body.version;
    }
    const { body } = await request(backend.server)
      .get(`/api/tickets/tickets/${t.id}`)
      .set('Authorization', as('wangqiang'));
    expect(body.ticket.status).toBe('in-progress');
    expect(body.ticket.resolvedAt).toBeUndefined();
    expect(body.ticket.satisfaction).toBe(2);
    expect(body.events.at(-1)).toMatchObject({ type: 'reopened' });
    expect(body.ticket.clocks.resolution.state).toBe('running');
  });

  it('refuses an action the status does not allow with 409, and changes nothing', async () => {
    const { body: t } = await create('xuli');
    const res = await act('wangqiang', t.id, {
      action: 'resolve',
      resolution: 'x',
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('cannot resolve');
    const close = await act('wangqiang', t.id, { action: 'close', version: 1 });
    expect(close.status).toBe(409);
    const { body } = await request(backend.server)
      .get(`/api/tickets/tickets/${t.id}`)
      .set('Authorization', as('wangqiang'));
    expect(body.ticket.version).toBe(1);
    expect(body.events).toHaveLength(1);
  });

  it('refuses a stale version with 409 and keeps the first write', async () => {
    const { body: t } = await create('xuli');
    const first = await act('wangqiang', t.id, {
      action: 'acknowledge',
      version: 1,
    });
    expect(first.status).toBe(200);
    const stale = await act('lina', t.id, {
      action: 'assign',
      assignee: 'user:default/liuyang',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const { body } = await request(backend.server)
      .get(`/api/tickets/tickets/${t.id}`)
      .set('Authorization', as('lina'));
    expect(body.ticket.assignee).toBe('user:default/wangqiang');
    expect(body.ticket.version).toBe(2);
  });

  it('names the field in a 400 for bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ urgency: 'urgent' }, 'body.urgency'],
      [{ entityRefs: [] }, 'body.entityRefs'],
      [
        { entityRefs: ['resource:default/no-such-device'] },
        'body.entityRefs[0]',
      ],
      [{ entityRefs: ['user:default/xuli'] }, 'body.entityRefs.0'],
      [{ title: '' }, 'body.title'],
      [{ category: 'install' }, 'body.category'],
      [{ colour: 'red' }, 'body'],
    ];
    for (const [override, field] of cases) {
      const res = await create('lina', override);
      expect({ override, status: res.status }).toEqual({
        override,
        status: 400,
      });
      expect(res.body.error.message).toContain(field);
    }
    const query = await request(backend.server)
      .get('/api/tickets/tickets?level=L9')
      .set('Authorization', as('lina'));
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('query.level');
  });

  it('lets court staff read and list only what they reported', async () => {
    const { body: own } = await create('xuli', { title: '徐丽的工单' });
    const { body: other } = await create('mahui', { title: '马辉的工单' });
    const mine = await request(backend.server)
      .get(`/api/tickets/tickets/${own.number}`)
      .set('Authorization', as('xuli'));
    expect(mine.status).toBe(200);
    const theirs = await request(backend.server)
      .get(`/api/tickets/tickets/${other.number}`)
      .set('Authorization', as('xuli'));
    expect(theirs.status).toBe(404);
    const list = await request(backend.server)
      .get('/api/tickets/tickets?limit=100')
      .set('Authorization', as('xuli'));
    expect(list.status).toBe(200);
    const reporters = new Set(
      list.body.items.map((t: { reporter: string }) => t.reporter),
    );
    expect([...reporters]).toEqual(['user:default/xuli']);
    // …and cannot work a ticket, even their own.
    const ack = await act('xuli', own.id, {
      action: 'acknowledge',
      version: 1,
    });
    expect(ack.status).toBe(403);
    // The desk sees both.
    const desk = await request(backend.server)
      .get('/api/tickets/tickets?limit=100')
      .set('Authorization', as('lina'));
    const numbers = desk.body.items.map((t: { number: string }) => t.number);
    expect(numbers).toEqual(expect.arrayContaining([own.number, other.number]));
  });

  it('lets only the desk file for someone else', async () => {
    const staff = await create('xuli', { reporter: 'user:default/mahui' });
    expect(staff.status).toBe(400);
    expect(staff.body.error.message).toContain('body.reporter');
    const desk = await create('lina', {
      reporter: 'user:default/mahui',
      channel: 'phone',
    });
    expect(desk.status).toBe(201);
    expect(desk.body).toMatchObject({
      reporter: 'user:default/mahui',
      createdBy: 'user:default/lina',
      channel: 'phone',
    });
  });

  it('filters the queue by entity, system, status and text, page by page', async () => {
    const { body: sw } = await create('lina', {
      title: '核心交换机端口告警',
      entityRefs: [SWITCH],
      urgency: 'low',
      impact: 'small',
    });
    const bySwitch = await request(backend.server)
      .get(`/api/tickets/tickets?entity=${SWITCH}`)
      .set('Authorization', as('lina'));
    expect(bySwitch.body.items.map((t: { id: string }) => t.id)).toEqual([
      sw.id,
    ]);
    expect(bySwitch.body.items[0].level).toBe('L4');
    const bySystem = await request(backend.server)
      .get(`/api/tickets/tickets?system=system:default/network`)
      .set('Authorization', as('lina'));
    expect(bySystem.body.items.map((t: { id: string }) => t.id)).toEqual([
      sw.id,
    ]);
    const byText = await request(backend.server)
      .get(`/api/tickets/tickets?q=${encodeURIComponent('交换机')}`)
      .set('Authorization', as('lina'));
    expect(byText.body.items.map((t: { id: string }) => t.id)).toEqual([sw.id]);

    // Cursor pages cover the queue once, newest first.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(backend.server)
        .get('/api/tickets/tickets')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', as('lina'));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((t: { id: string }) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = await request(backend.server)
      .get('/api/tickets/tickets?limit=100')
      .set('Authorization', as('lina'));
    expect(seen).toEqual(all.body.items.map((t: { id: string }) => t.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('records comments, work logs and links in the history', async () => {
    const { body: t } = await create('xuli');
    const comment = await request(backend.server)
      .post(`/api/tickets/tickets/${t.id}/comments`)
      .set('Authorization', as('xuli'))
      .send({ body: '下午两点开庭，请尽快' });
    expect(comment.status).toBe(201);
    const log = await request(backend.server)
      .post(`/api/tickets/tickets/${t.id}/work-logs`)
      .set('Authorization', as('wangqiang'))
      .send({ minutes: 45, workDate: '2026-11-27', note: '排查音频线路' });
    expect(log.status).toBe(201);
    const staffLog = await request(backend.server)
      .post(`/api/tickets/tickets/${t.id}/work-logs`)
      .set('Authorization', as('xuli'))
      .send({ minutes: 5, workDate: '2026-11-27', note: 'x' });
    expect(staffLog.status).toBe(403);
    const { body: other } = await create('xuli');
    const link = await request(backend.server)
      .post(`/api/tickets/tickets/${t.id}/links`)
      .set('Authorization', as('wangqiang'))
      .send({ kind: 'ticket', target: other.number, relation: 'duplicate-of' });
    expect(link.status).toBe(201);
    expect(link.body.links).toEqual([
      expect.objectContaining({
        kind: 'ticket',
        target: other.number,
        relation: 'duplicate-of',
      }),
    ]);
    expect(link.body.workLogs).toEqual([
      expect.objectContaining({
        engineer: 'user:default/wangqiang',
        minutes: 45,
      }),
    ]);
    expect(link.body.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'commented',
      'work-logged',
      'linked',
    ]);
    // Appends do not move the version a lifecycle action must carry.
    expect(link.body.ticket.version).toBe(1);
  });

  it('reports compliance per clock and level for the desk, not for court staff', async () => {
    // Two incidents answered 2 minutes after they were filed.
    const filed = [await create('xuli'), await create('xuli')];
    await backend.clock.advance({ minutes: 2 });
    for (const { body } of filed) {
      const ack = await act('wangqiang', body.id, {
        action: 'acknowledge',
        version: body.version,
      });
      expect(ack.body.clocks.response.state).toBe('met');
    }
    const from = inHours(-1);
    const to = inHours(1);
    const desk = await request(backend.server)
      .get('/api/tickets/sla/compliance')
      .query({ from, to, system: COURTROOM })
      .set('Authorization', as('sunlei'));
    expect(desk.status).toBe(200);
    const response = desk.body.rows.find(
      (r: { clock: string; level: string }) =>
        r.clock === 'response' && r.level === 'L2',
    );
    expect(response.met).toBeGreaterThanOrEqual(2);
    const staff = await request(backend.server)
      .get('/api/tickets/sla/compliance')
      .query({ from, to })
      .set('Authorization', as('xuli'));
    expect(staff.status).toBe(403);
  });

  it('serves its OpenAPI document', async () => {
    const res = await request(backend.server)
      .get('/api/tickets/openapi.json')
      .set('Authorization', as('lina'));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/tickets/{ref}/actions');
  });
});

describe('the arrival target of an emergency by the hour it is filed', () => {
  // On-site hours are 07:30–18:30 every day, holidays included (SLA-3): an
  // L2 emergency is reached within 15 minutes in them, 30 minutes outside.
  const instants: [string, number][] = [
    ['2026-02-17T03:00:00+08:00', 30], // night, inside the Spring Festival holiday
    ['2026-02-17T07:30:00+08:00', 15], // a holiday morning: the team is on site
    ['2026-02-28T12:00:00+08:00', 15], // make-up working Saturday
    ['2026-03-03T18:29:59+08:00', 15], // an ordinary Tuesday, just in hours
    ['2026-03-03T18:30:00+08:00', 30],
  ];
  // A backend per instant: moving one clock on by days would wake its breach
  // watch at every longest sleep on the way.
  it.each(instants)('filed at %s: %d minutes', async (instant, minutes) => {
    const backend = await startTicketsBackend({
      clock: new ManualCourtClock(instant),
    });
    try {
      const res = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('xuli'))
        .send(newIncident());
      expect(res.status).toBe(201);
      expect(res.body.level).toBe('L2');
      expect(Date.parse(res.body.createdAt)).toBe(Date.parse(instant));
      expect(res.body.clocks.response.targetMs).toBe(10 * 60_000);
      expect(res.body.clocks.arrival.targetMs).toBe(minutes * 60_000);
      expect(Date.parse(res.body.clocks.arrival.dueAt)).toBe(
        Date.parse(instant) + minutes * 60_000,
      );
    } finally {
      await backend.stop();
    }
  });
});

describe('filing from another system', () => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  beforeAll(async () => {
    backend = await startTicketsBackend();
  });
  afterAll(() => backend.stop());

  it('files once per sourceRef, also when retried concurrently', async () => {
    const sourceRef = 'inspections:result/42/item/battery';
    const body = newIncident({ sourceRef, channel: 'inspection' });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(backend.server)
          .post('/api/tickets/tickets')
          .set('Authorization', as('wangqiang'))
          .send(body),
      ),
    );
    expect(responses.map(r => r.status).sort()).toEqual([
      200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map(r => r.body.number)).size).toBe(1);
    expect(responses[0].body.sourceRef).toBe(sourceRef);
    // Keys are per filer: court staff reusing another's key file their own
    // ticket, exactly as with an unused key, and learn nothing of the other.
    const probe = await request(backend.server)
      .post('/api/tickets/tickets')
      .set('Authorization', as('xuli'))
      .send(body);
    expect(probe.status).toBe(201);
    expect(probe.body.number).not.toBe(responses[0].body.number);
    expect(probe.body.reporter).toBe('user:default/xuli');
  });
});
