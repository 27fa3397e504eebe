import { answered } from '@internal/plugin-court-node/testUtils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import type { TicketFiguresResponse } from '@internal/plugin-reports-common';
import request from 'supertest';
import {
  as,
  COURTROOM,
  NETWORK,
  newIncident,
  startTicketsBackend,
  SWITCH,
  TicketsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

/**
 * Tuesday 3 March 2026, counted by hand:
 * - INC A on the courtroom recorder (high × medium: L2), acknowledged 10:02, on site 10:05,
 *   resolved 11:00 → response, arrival and resolution met (10 min, 15 min, 8 h targets);
 *   60 minutes of work by wangqiang dated that day.
 * - INC B on the core switch (network), never answered → response breached 10:10, arrival
 *   breached 10:15; its resolution clock never started.
 * The day: 2 services (2 incidents, portal), 3 met, 2 breached, 0 running (60 %), 60 minutes.
 * Network alone: 1 service, 0 met, 2 breached.
 */
describe('GET /api/tickets/figures', () => {
  let backend: TicketsBackend;
  let a: { id: string; number: string };
  let b: { id: string; number: string };

  beforeAll(async () => {
    backend = await startTicketsBackend({
      clock: new ManualCourtClock('2026-03-03T10:00:00+08:00'),
    });
    const file = async (overrides: Record<string, unknown>) => {
      const res = await request(backend.server)
        .post('/api/tickets/tickets')
        .set('Authorization', as('xuli'))
        .send(newIncident(overrides));
      return answered(res, 201).body;
    };
    a = await file({ title: '录音无声' });
    b = await file({ title: '核心交换机告警', entityRefs: [SWITCH] });
    let version = 1;
    for (const [at, body] of [
      ['2026-03-03T10:02:00+08:00', { action: 'acknowledge' }],
      ['2026-03-03T10:05:00+08:00', { action: 'arrive' }],
      [
        '2026-03-03T11:00:00+08:00',
        { action: 'resolve', resolution: '更换麦克风' },
      ],
    ] as const) {
      await backend.clock.set(at);
      const res = await request(backend.server)
        .post(`/api/tickets/tickets/${a.id}/actions`)
        .set('Authorization', as('wangqiang'))
        .send({ ...body, version });
      version = answered(res, 200).body.version;
    }
    const log = await request(backend.server)
      .post(`/api/tickets/tickets/${a.id}/work-logs`)
      .set('Authorization', as('wangqiang'))
      .send({ minutes: 60, workDate: '2026-03-03', note: '更换麦克风模块' });
    answered(log, 201);
    // The next morning: the 3rd is over.
    await backend.clock.set('2026-03-04T09:00:00+08:00');
  });
  afterAll(() => backend.stop());

  const figures = (user: string, query: Record<string, string>) =>
    request(backend.server)
      .get('/api/tickets/figures')
      .query(query)
      .set('Authorization', as(user));

  it('answers the hand-counted figures of a day, and the facts behind them', async () => {
    const res = await figures('sunlei', {
      from: '2026-03-03',
      to: '2026-03-03',
    });
    expect(res.status).toBe(200);
    const body: TicketFiguresResponse = res.body;
    expect(body.period).toEqual({ from: '2026-03-03', to: '2026-03-03' });
    expect(body.tickets.map(t => t.number).sort()).toEqual(
      [a.number, b.number].sort(),
    );
    expect(body.figures.services).toMatchObject({
      total: 2,
      byType: { incident: 2, 'service-request': 0, problem: 0, complaint: 0 },
      byChannel: { portal: 2 },
    });
    expect(
      [...body.figures.services.bySystem].sort((x, y) =>
        x.systemRef.localeCompare(y.systemRef),
      ),
    ).toEqual([
      { systemRef: COURTROOM, count: 1 },
      { systemRef: NETWORK, count: 1 },
    ]);
    expect(body.figures.compliance.total).toEqual({
      met: 3,
      breached: 2,
      running: 0,
      percent: 60,
    });
    expect(
      body.figures.compliance.breaches.map(x => [x.number, x.clock]).sort(),
    ).toEqual([
      [b.number, 'arrival'],
      [b.number, 'response'],
    ]);
    expect(body.figures.workMinutes.total).toBe(60);
    expect(body.figures.workMinutes.byEngineer).toEqual([
      { engineer: 'user:default/wangqiang', minutes: 60 },
    ]);
    expect(body.figures.changes.filed).toBe(0);
  });

  it('narrows to one system, named by its short ref too', async () => {
    const res = await figures('wuxia', {
      from: '2026-03-03',
      to: '2026-03-03',
      system: 'network',
    });
    expect(res.status).toBe(200);
    expect(res.body.systemRef).toBe(NETWORK);
    expect(res.body.tickets.map((t: { number: string }) => t.number)).toEqual([
      b.number,
    ]);
    expect(res.body.figures.services.total).toBe(1);
    expect(res.body.figures.compliance.total).toEqual({
      met: 0,
      breached: 2,
      running: 0,
      percent: 0,
    });
  });

  it('answers the same figures without the facts when asked for facts=none', async () => {
    const day = { from: '2026-03-03', to: '2026-03-03' };
    const all = await figures('sunlei', day);
    const only = await figures('sunlei', { ...day, facts: 'none' });
    expect(only.status).toBe(200);
    expect(Object.keys(only.body).sort()).toEqual(['figures', 'period']);
    expect(only.body.figures).toEqual(all.body.figures);
    expect(all.body.tickets).toHaveLength(2);
  });

  it('counts a day with nothing in it as zero', async () => {
    const res = await figures('lina', { from: '2026-03-02', to: '2026-03-02' });
    expect(res.status).toBe(200);
    expect(res.body.tickets).toEqual([]);
    expect(res.body.figures.services.total).toBe(0);
    expect(res.body.figures.compliance.total).toEqual({
      met: 0,
      breached: 0,
      running: 0,
    });
  });

  it.each([
    [
      'a period that has not ended',
      { from: '2026-03-04', to: '2026-03-04' },
      'query.to',
    ],
    [
      'a period that ends before it starts',
      { from: '2026-03-03', to: '2026-03-02' },
      'query.to',
    ],
    [
      'a period over 400 days',
      { from: '2025-01-01', to: '2026-03-01' },
      'query.to',
    ],
    [
      'a date that is not one',
      { from: '2026-02-30', to: '2026-03-01' },
      'query.from',
    ],
    ['no period', {}, 'query.from'],
    [
      'facts that are neither all nor none',
      { from: '2026-03-03', to: '2026-03-03', facts: 'some' },
      'query.facts',
    ],
    [
      'a system not in the catalog',
      { from: '2026-03-03', to: '2026-03-03', system: 'system:default/nope' },
      'query.system',
    ],
    [
      'a device as the system',
      { from: '2026-03-03', to: '2026-03-03', system: SWITCH },
      'query.system',
    ],
  ])('answers %s with 400 naming the field', async (_what, query, field) => {
    const res = await figures('sunlei', query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`${field}:`);
  });

  it.each(['xuli', 'newcomer', 'wangqiang'])(
    'refuses %s with 403 before reading the query',
    async user => {
      const bad = await figures(user, { from: 'x' });
      expect(bad.status).toBe(403);
      const good = await figures(user, {
        from: '2026-03-03',
        to: '2026-03-03',
      });
      expect(good.status).toBe(403);
    },
  );
});
