// The real duty plugin beside the desk, as packages/backend wires them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dutyPlugin from '@internal/plugin-duty-backend';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  EngineerApprovalService,
  engineerApprovalServiceRef,
} from '@internal/plugin-access-node';
import { answered } from '@internal/plugin-court-node/testUtils';
import request from 'supertest';
import {
  as,
  newChange,
  newIncident,
  startTicketsBackend,
} from './__testUtils__/backend';

jest.setTimeout(60_000);

const engineer = (name: string, approved = true) => ({
  userRef: `user:default/${name}`,
  name,
  employer: '运维服务单位',
  confidentialitySignedOn: '2026-01-05',
  approved,
});

/** SEC-2 with the real access plugin: the desk assigns only approved engineers who are not suspended. */
describe('assigning a ticket asks the engineer approval', () => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  const api = () => request(backend.server);
  beforeAll(async () => {
    backend = await startTicketsBackend({
      withAccess: true,
      config: {
        access: {
          engineers: [
            engineer('liuyang'),
            engineer('wangqiang'),
            engineer('it-engineer', false),
          ],
        },
      },
    });
    // The IT office suspends wangqiang.
    const ref = encodeURIComponent('user:default/wangqiang');
    const suspended = await api()
      .post(`/api/access/engineers/${ref}/suspend`)
      .set('Authorization', as('wuxia'))
      .send({ revision: 1, reason: '保密检查未通过' });
    if (suspended.status !== 200) {
      throw new Error(`suspending failed: ${JSON.stringify(suspended.body)}`);
    }
  });
  afterAll(() => backend.stop());

  const assign = async (assignee: string) => {
    const { body: ticket } = await api()
      .post('/api/tickets/tickets')
      .set('Authorization', as('xuli'))
      .send(newIncident());
    const res = await api()
      .post(`/api/tickets/tickets/${ticket.id}/actions`)
      .set('Authorization', as('lina'))
      .send({ action: 'assign', assignee, version: ticket.version });
    const { body } = await api()
      .get(`/api/tickets/tickets/${ticket.id}`)
      .set('Authorization', as('lina'));
    return { res, after: body.ticket };
  };

  it('assigns an approved engineer', async () => {
    const { res, after } = await assign('user:default/liuyang');
    expect(res.status).toBe(200);
    expect(after.assignee).toBe('user:default/liuyang');
  });

  it.each([
    [
      'suspended',
      'user:default/wangqiang',
      'body.assignee: user:default/wangqiang is suspended (保密检查未通过)',
    ],
    [
      'not approved',
      'user:default/it-engineer',
      'body.assignee: user:default/it-engineer is not approved by the court IT office',
    ],
    [
      'without a record',
      'user:default/sunlei',
      'body.assignee: user:default/sunlei has no engineer record at the court',
    ],
  ])(
    'refuses an engineer %s with 409 naming the reason, and changes nothing',
    async (_, assignee, message) => {
      const { res, after } = await assign(assignee);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(message);
      expect(after.assignee).toBeUndefined();
      expect(after.version).toBe(1);
    },
  );

  it('refuses to file a ticket routed to a suspended engineer', async () => {
    const before = await api()
      .get('/api/tickets/tickets')
      .set('Authorization', as('lina'));
    const res = await api()
      .post('/api/tickets/tickets')
      .set('Authorization', as('lina'))
      .send(
        newIncident({
          reporter: 'user:default/xuli',
          assignee: 'user:default/wangqiang',
        }),
      );
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^body\.assignee: .* is suspended/);
    const after = await api()
      .get('/api/tickets/tickets')
      .set('Authorization', as('lina'));
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it("reassigns all of one engineer's open tickets to another in one step, the reason on each", async () => {
    const file = async () =>
      (
        await api()
          .post('/api/tickets/tickets')
          .set('Authorization', as('lina'))
          .send(
            newIncident({
              reporter: 'user:default/xuli',
              assignee: 'user:default/liuyang',
            }),
          )
      ).body;
    const open = [await file(), await file()];
    const done = await file();
    let version = done.version;
    for (const step of [
      { action: 'acknowledge' },
      { action: 'arrive' },
      { action: 'start-work' },
      { action: 'resolve', resolution: '已更换硒鼓' },
    ]) {
      const res = await api()
        .post(`/api/tickets/tickets/${done.id}/actions`)
        .set('Authorization', as('liuyang'))
        .send({ ...step, version });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    // Someone else's ticket stays where it is.
    const another = await assign('user:default/liuyang');
    expect(another.res.status).toBe(200);

    const from = encodeURIComponent('user:default/liuyang');
    // Not to someone who may not be assigned, and only by the IT office.
    const refused = await api()
      .post(`/api/access/engineers/${from}/reassign`)
      .set('Authorization', as('wuxia'))
      .send({ to: 'user:default/wangqiang', reason: '刘洋休假' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'body.to: user:default/wangqiang is suspended (保密检查未通过)',
    );
    const byDesk = await api()
      .post(`/api/access/engineers/${from}/reassign`)
      .set('Authorization', as('lina'))
      .send({ to: 'user:default/it-engineer', reason: '刘洋休假' });
    expect(byDesk.status).toBe(403);

    // Approve it-engineer, then move liuyang's open work to them.
    const itRef = encodeURIComponent('user:default/it-engineer');
    const approved = await api()
      .post(`/api/access/engineers/${itRef}/approve`)
      .set('Authorization', as('wuxia'))
      .send({ revision: 1 });
    expect(approved.status).toBe(200);
    const before = await api()
      .get(
        '/api/tickets/tickets?assignee=user:default/liuyang&open=true&limit=100',
      )
      .set('Authorization', as('lina'));
    const res = await api()
      .post(`/api/access/engineers/${from}/reassign`)
      .set('Authorization', as('wuxia'))
      .send({ to: 'user:default/it-engineer', reason: '刘洋休假' });
    expect(res.status).toBe(200);
    expect(res.body.failed).toEqual([]);
    expect([...res.body.moved].sort()).toEqual(
      before.body.items.map((t: { number: string }) => t.number).sort(),
    );
    expect(res.body.moved).toEqual(
      expect.arrayContaining(open.map(t => t.number)),
    );
    expect(res.body.moved).not.toContain(done.number);

    const left = await api()
      .get('/api/tickets/tickets?assignee=user:default/liuyang&open=true')
      .set('Authorization', as('lina'));
    expect(left.body.items).toEqual([]);
    const detail = await api()
      .get(`/api/tickets/tickets/${open[0].id}`)
      .set('Authorization', as('lina'));
    expect(detail.body.ticket.assignee).toBe('user:default/it-engineer');
    expect(detail.body.events.map((e: { body?: string }) => e.body)).toContain(
      '信息中心改派：user:default/liuyang → user:default/it-engineer。原因：刘洋休假（user:default/wuxia）',
    );
    const closed = await api()
      .get(`/api/tickets/tickets/${done.id}`)
      .set('Authorization', as('lina'));
    expect(closed.body.ticket.assignee).toBe('user:default/liuyang');
  });
});

/** The same check on the other families' assignments: a change's implementer, a duty shift. */
describe('changes and duty shifts ask the engineer approval', () => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  const api = () => request(backend.server);
  const team = [
    { ref: 'user:default/lina', posts: ['desk'] },
    { ref: 'user:default/zhangwei', posts: ['desk', 'hardware'] },
    { ref: 'user:default/wangqiang', posts: ['hardware'] },
    { ref: 'user:default/liuyang', posts: ['software'] },
    { ref: 'user:default/chenjing', posts: ['software'] },
  ];
  beforeAll(async () => {
    backend = await startTicketsBackend({
      withAccess: true,
      features: [dutyPlugin],
      config: {
        app: { baseUrl: 'http://portal.court.example' },
        duty: { engineers: team },
        access: {
          engineers: [
            ...team.map(e => engineer(e.ref.replace('user:default/', ''))),
            engineer('it-engineer', false),
          ],
        },
      },
    });
  });
  afterAll(() => backend.stop());

  const suspend = async (name: string) =>
    answered(
      await api()
        .post(
          `/api/access/engineers/${encodeURIComponent(
            `user:default/${name}`,
          )}/suspend`,
        )
        .set('Authorization', as('wuxia'))
        .send({ revision: 1, reason: '保密检查未通过' }),
      200,
    );

  it('refuses a change whose implementer is not approved or is suspended, with 409, and files nothing', async () => {
    const changes = async () =>
      answered(
        await api()
          .get('/api/tickets/changes')
          .set('Authorization', as('lina')),
        200,
      ).body.items.length;
    const before = await changes();
    const unapproved = await api()
      .post('/api/tickets/changes')
      .set('Authorization', as('liuyang'))
      .send(newChange({ implementer: 'user:default/it-engineer' }));
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.error.message).toBe(
      'body.implementer: user:default/it-engineer is not approved by the court IT office',
    );
    // Filing for oneself is no way round it.
    const itself = await api()
      .post('/api/tickets/changes')
      .set('Authorization', as('it-engineer'))
      .send(newChange());
    expect(itself.status).toBe(409);
    expect(itself.body.error.message).toMatch(/^body\.implementer: /);
    expect(await changes()).toBe(before);

    const filed = await api()
      .post('/api/tickets/changes')
      .set('Authorization', as('liuyang'))
      .send(newChange({ implementer: 'user:default/wangqiang' }));
    expect(filed.status).toBe(201);
    expect(await changes()).toBe(before + 1);
  });

  it('refuses a duty shift for a suspended engineer and flags his shifts on the roster', async () => {
    const roster = answered(
      await api()
        .post('/api/duty/rosters/2026-04/generate')
        .set('Authorization', as('sunlei'))
        .send({}),
      201,
    ).body;
    expect(roster.problems).toEqual([]);
    const his = roster.shifts.filter(
      (s: { engineer: string | null }) =>
        s.engineer === 'user:default/wangqiang',
    );
    expect(his.length).toBeGreaterThan(0);

    await suspend('wangqiang');
    const kept = await api()
      .put(`/api/duty/shifts/${his[0].id}`)
      .set('Authorization', as('sunlei'))
      .send({
        engineer: 'user:default/wangqiang',
        expectedVersion: his[0].version,
      });
    expect(kept.status).toBe(409);
    expect(kept.body.error.message).toBe(
      `user:default/wangqiang is not approved for the court (shift ${his[0].id})`,
    );
    const after = answered(
      await api()
        .get('/api/duty/rosters/2026-04')
        .set('Authorization', as('sunlei')),
      200,
    ).body;
    expect(
      after.problems
        .filter((p: { rule: string }) => p.rule === 'not-approved')
        .map((p: { shiftId: string }) => p.shiftId)
        .sort(),
    ).toEqual(his.map((s: { id: string }) => s.id).sort());
  });
});

describe("the engineer approval service over the access plugin's API", () => {
  it('answers a team in one call as it answers each engineer alone', async () => {
    let approvals: EngineerApprovalService | undefined;
    // A family that asks, as duty and inspections do: the service's default factory, over HTTP.
    const asking = createBackendPlugin({
      pluginId: 'asking',
      register(env) {
        env.registerInit({
          deps: { approvals: engineerApprovalServiceRef },
          async init(deps) {
            approvals = deps.approvals;
          },
        });
      },
    });
    const backend = await startTicketsBackend({
      withAccess: true,
      features: [asking],
      config: {
        access: {
          engineers: [engineer('liuyang'), engineer('it-engineer', false)],
        },
      },
    });
    try {
      const team = [
        'user:default/liuyang',
        'user:default/it-engineer',
        'user:default/sunlei',
        'user:default/liuyang',
      ];
      const together = await approvals!.checkMany(team);
      expect([...together.keys()]).toEqual(team.slice(0, 3));
      for (const ref of team) {
        expect(together.get(ref)).toEqual(await approvals!.check(ref));
      }
      expect(together.get('user:default/sunlei')).toMatchObject({
        assignable: false,
        reason: 'no-record',
      });
      expect((await approvals!.checkMany([])).size).toBe(0);
    } finally {
      await backend.stop();
    }
  });
});
