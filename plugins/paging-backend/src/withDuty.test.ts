import { approvingEveryEngineer } from '@internal/plugin-access-node';
// The real duty plugin beside paging, as packages/backend wires them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dutyPlugin from '@internal/plugin-duty-backend';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  courtClockFactory,
  ManualCourtClock,
} from '@internal/plugin-court-node';
import {
  answered,
  as,
  startCourtTestBackend,
} from '@internal/plugin-court-node/testUtils';
import request from 'supertest';
import { event, NIGHT } from './__testUtils__/fixtures';
import { fakeHttpService } from './__testUtils__/fakeServers';
import { pagingPlugin } from './plugin';

jest.setTimeout(120_000);

const TEAM = [
  { ref: 'user:default/lina', posts: ['desk'] },
  { ref: 'user:default/zhangwei', posts: ['desk', 'hardware'] },
  { ref: 'user:default/wangqiang', posts: ['hardware'] },
  { ref: 'user:default/liuyang', posts: ['software'] },
  { ref: 'user:default/chenjing', posts: ['software'] },
];
const PEOPLE = [
  ...TEAM.map(t => t.ref),
  'user:default/sunlei',
  'user:default/zhoujie',
];
const mobileOf = (ref: string) => `1380000000${PEOPLE.indexOf(ref)}`.slice(-11);

const user = (ref: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name: ref.split('/')[1],
    namespace: 'default',
    annotations: { 'court-ops.io/mobile': mobileOf(ref) },
  },
  spec: { profile: {} },
});

/**
 * Paging asks the duty roster who is on call (onCallServiceRef's default): at 03:00 the night's
 * phone-duty engineer, then the next night's, then the ops manager from config. With duty stopped
 * or not installed, paging.chain (plugins/paging-node/src/onCall.test.ts).
 */
/** Paging and the real duty plugin in one backend, with an SMS gateway that records. */
async function startWithDuty() {
  const gateway = await fakeHttpService(() => ({ json: { ok: true } }));
  const clock = new ManualCourtClock(NIGHT);
  const backend = await startCourtTestBackend({
    features: [
      pagingPlugin,
      dutyPlugin,
      approvingEveryEngineer,
      courtClockFactory(clock),
      catalogServiceMock.factory({ entities: PEOPLE.map(user) }),
    ],
    config: {
      app: { baseUrl: 'http://portal.court.example' },
      duty: { engineers: TEAM },
      paging: {
        enabled: true,
        defaultChannels: ['sms'],
        channels: {
          sms: {
            url: `${gateway.url}/send`,
            body: '{"to":"{{mobile}}","text":"{{message}}"}',
          },
        },
        chain: {
          // Not on the roster: paged only if duty did not answer.
          onCall: ['user:default/zhoujie'],
          opsManager: ['user:default/sunlei'],
          courtItOffice: [],
        },
      },
    },
  });
  const roster = answered(
    await request(backend.server)
      .post('/api/duty/rosters/2026-12/generate')
      .set('Authorization', as('sunlei'))
      .send({}),
    201,
  ).body;
  return {
    backend,
    gateway,
    clock,
    roster,
    /** The mobiles paged so far, in order. */
    paged: () => gateway.received.map(r => JSON.parse(r.body).to as string),
    report: (body: object) =>
      request(backend.server)
        .post('/api/paging/events')
        .set(
          'Authorization',
          mockCredentials.service.header({
            onBehalfOf: mockCredentials.service('plugin:notifications'),
            targetPluginId: 'paging',
          }),
        )
        .send(body),
    stop: async () => {
      await backend.stop();
      await gateway.close();
    },
  };
}

describe('paging with the duty roster', () => {
  it('pages the phone-duty engineer first, then the next on call, then the ops manager', async () => {
    const { roster, clock, paged, report, stop } = await startWithDuty();
    try {
      const phoneOn = (date: string): string =>
        roster.shifts.find(
          (s: { date: string; kind: string }) =>
            s.date === date && s.kind === 'phone',
        ).engineer;
      // 03:00 on the 6th is the phone shift of the night of the 5th; the next one is the 6th's.
      const expected = [
        ...new Set([phoneOn('2026-12-05'), phoneOn('2026-12-06')]),
        'user:default/sunlei',
      ];
      expect(expected[0]).toMatch(/^user:default\//);

      const reported = await report(event());
      expect(reported.body.paged).toBe(true);
      await clock.advance({ seconds: 0 });
      expect(paged()).toEqual([mobileOf(expected[0])]);
      // L1: nobody acknowledges, the next tier every 10 minutes.
      for (let tier = 1; tier < expected.length; tier++) {
        await clock.advance({ minutes: 10 });
        expect(paged()).toEqual(expected.slice(0, tier + 1).map(mobileOf));
      }
    } finally {
      await stop();
    }
  });

  it('pages the engineers a major event names first (重点保障), not the roster, then the ops manager', async () => {
    const { roster, clock, paged, report, stop } = await startWithDuty();
    try {
      const named = ['user:default/chenjing', 'user:default/lina'];
      // Neither is on the phone that night (the 5th's), so the roster would not page them first.
      const onThePhone = roster.shifts.find(
        (s: { date: string; kind: string }) =>
          s.date === '2026-12-05' && s.kind === 'phone',
      ).engineer;
      expect(named).not.toContain(onThePhone);
      const reported = await report(
        event({
          key: 'ticket:t-9:major-event',
          kind: 'major-event',
          level: 'L2',
          onCall: named,
        }),
      );
      expect(reported.body.paged).toBe(true);
      await clock.advance({ seconds: 0 });
      expect(paged()).toEqual([mobileOf(named[0])]);
      // L2: the next tier after 15 minutes without an acknowledgement.
      await clock.advance({ minutes: 15 });
      expect(paged()).toEqual(named.map(mobileOf));
      await clock.advance({ minutes: 15 });
      expect(paged()).toEqual([...named, 'user:default/sunlei'].map(mobileOf));
      const refused = await report(
        event({ kind: 'major-event', onCall: ['group:default/ops-managers'] }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/^body\.onCall\.0: /);
    } finally {
      await stop();
    }
  });
});
