import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import {
  as,
  startCourtTestBackend,
} from '@internal/plugin-court-node/testUtils';
import { TicketsApi } from '@internal/plugin-tickets-common';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import request from 'supertest';
import { event, NIGHT } from './__testUtils__/fixtures';
import { fakeHttpService } from './__testUtils__/fakeServers';
import { pagingPlugin } from './plugin';

jest.setTimeout(120_000);

const user = (name: string, mobile: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'court-ops.io/mobile': mobile },
  },
  spec: { profile: { email: `${name}@yunxi-court.example` } },
});

async function startPaging() {
  const gateway = await fakeHttpService(() => ({ json: { ok: true } }));
  const clock = new ManualCourtClock(NIGHT);
  const comments: { ticketId: string; body: string }[] = [];
  const tickets = createServiceFactory({
    service: ticketsServiceRef,
    deps: {},
    factory: () => ({
      as: () =>
        ({
          async addComment(ticketId: string, req: { body: string }) {
            comments.push({ ticketId, body: req.body });
          },
        } as unknown as TicketsApi),
    }),
  });
  const backend = await startCourtTestBackend({
    features: [
      pagingPlugin,
      tickets,
      courtClockFactory(clock),
      catalogServiceMock.factory({
        entities: [
          user('zhangwei', '13800000001'),
          user('sunlei', '13800000003'),
        ],
      }),
    ],
    config: {
      paging: {
        enabled: true,
        channels: {
          sms: {
            url: `${gateway.url}/send`,
            body: '{"to":"{{mobile}}","text":"{{message}}"}',
            replyToken: 'gateway-token',
          },
        },
        chain: {
          onCall: ['user:default/zhangwei'],
          opsManager: ['user:default/sunlei'],
          courtItOffice: [],
        },
      },
    },
  });
  return { backend, gateway, clock, comments };
}

describe('paging plugin', () => {
  let paging: Awaited<ReturnType<typeof startPaging>>;
  beforeEach(async () => {
    paging = await startPaging();
  });
  afterEach(async () => {
    await paging.backend.stop();
    await paging.gateway.close();
  });

  const service = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:notifications'),
    targetPluginId: 'paging',
  });

  it('takes events from the portal only: a user gets 403 before any 400', async () => {
    const server = paging.backend.server;
    const refused = await request(server)
      .post('/api/paging/events')
      .set('Authorization', as('zhangwei'))
      .send({ level: 'L9' });
    expect(refused.status).toBe(403);
    const bad = await request(server)
      .post('/api/paging/events')
      .set('Authorization', service)
      .send({ ...event(), level: 'L9' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.level: /);
  });

  it('pages over SMS, records it on the ticket, and the short link acknowledges it', async () => {
    const server = paging.backend.server;
    const e = event();
    const reported = await request(server)
      .post('/api/paging/events')
      .set('Authorization', service)
      .send(e);
    expect(reported.status).toBe(202);
    expect(reported.body.paged).toBe(true);
    await paging.clock.advance({ seconds: 0 });
    const [sms] = paging.gateway.received;
    const { to, text } = JSON.parse(sms.body);
    expect(to).toBe('13800000001');
    expect(text).toMatch(/^【法院运维】L1 紧急工单 INC-2026-00042 /);
    const code = /\/a\/([A-Z2-9]{10}) /.exec(text)![1];
    expect(paging.comments.map(c => c.body)).toEqual([
      '[寻呼] 寻呼 L1 on-call：user:default/zhangwei(sms)',
      '[寻呼] 已送达 user:default/zhangwei 经 sms',
    ]);
    // Opened on a phone, signed in to nothing: a page with a button, nothing acknowledged yet.
    const shown = await request(server).get(`/api/paging/a/${code}`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('<form method="post">');
    const acked = await request(server).post(`/api/paging/a/${code}`);
    expect(acked.status).toBe(200);
    expect(acked.text).toContain('user:default/zhangwei');
    await paging.clock.advance({ minutes: 30 });
    expect(paging.gateway.received).toHaveLength(1);
    expect(paging.comments.at(-1)?.body).toBe(
      '[寻呼] user:default/zhangwei 已确认（链接），停止升级',
    );
    expect((await request(server).get('/api/paging/a/ABCDEFGHJK')).status).toBe(
      404,
    );
    expect((await request(server).get('/api/paging/a/nope')).status).toBe(400);
  });

  it('an SMS reply acknowledges with the gateway token only', async () => {
    const server = paging.backend.server;
    await request(server)
      .post('/api/paging/events')
      .set('Authorization', service)
      .send(event());
    await paging.clock.advance({ seconds: 0 });
    const reply = /或回复(\d{6})/.exec(
      JSON.parse(paging.gateway.received[0].body).text,
    )![1];
    const body = { mobile: '13800000001', text: `收到 ${reply}` };
    expect(
      (await request(server).post('/api/paging/sms-replies').send(body)).status,
    ).toBe(401);
    const answered = await request(server)
      .post('/api/paging/sms-replies')
      .set('x-paging-token', 'gateway-token')
      .send(body);
    expect(answered.body).toEqual({
      acknowledged: true,
      ticketNumber: 'INC-2026-00042',
    });
    await paging.clock.advance({ minutes: 20 });
    expect(paging.gateway.received).toHaveLength(1);
  });

  it('keeps each person own channels and quiet hours', async () => {
    const server = paging.backend.server;
    const put = await request(server)
      .put('/api/paging/settings')
      .set('Authorization', as('zhangwei'))
      .send({
        channels: ['sms', 'email'],
        quietHours: { start: '22:00', end: '07:00' },
      });
    expect(put.status).toBe(200);
    const got = await request(server)
      .get('/api/paging/settings')
      .set('Authorization', as('zhangwei'));
    expect(got.body).toEqual({
      channels: ['sms', 'email'],
      quietHours: { start: '22:00', end: '07:00' },
    });
    const bad = await request(server)
      .put('/api/paging/settings')
      .set('Authorization', as('zhangwei'))
      .send({ channels: ['pager'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.channels\.0: /);
    expect(
      (
        await request(server)
          .get('/api/paging/settings')
          .set('Authorization', service)
      ).status,
    ).toBe(403);
  });
});
