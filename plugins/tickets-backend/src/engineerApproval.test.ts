import request from 'supertest';
import { as, newIncident, startTicketsBackend } from './__testUtils__/backend';

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
});
