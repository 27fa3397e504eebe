import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CourtClock, ManualCourtClock } from '@internal/plugin-court-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { DUTY_CHANGED_TOPIC } from '@internal/plugin-duty-common';
import { createDutyService } from './dutyService';

/** Only what the duty service uses of auth: a token per request for the target plugin. */
const auth = {
  getOwnServiceCredentials: async () => ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'service', subject: 'plugin:tickets' },
  }),
  getPluginRequestToken: async (options: { targetPluginId: string }) => ({
    token: `token-for-${options.targetPluginId}`,
  }),
} as unknown as AuthService; // The rest of AuthService is never called here.

const warnings: string[] = [];
const logger = {
  warn: (message: string) => warnings.push(message),
  debug: () => {},
} as unknown as LoggerService; // Only warn and debug (by the events service) are called.

describe('createDutyService', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ url?: string; authorization?: string }> = [];

  const nightOnCall = {
    at: '2026-02-16T13:00:00.000Z',
    onSiteHours: false,
    onSite: [],
    phone: 'user:default/wangqiang',
    first: 'user:default/wangqiang',
  };

  beforeAll(async () => {
    // What the duty API answers at 21:00 on the 16th; anything else is a 503.
    const answers: Record<string, object> = {
      '/api/duty/on-call?at=2026-02-16T21%3A00%3A00%2B08%3A00': nightOnCall,
      // The minute from 21:00: the phone shift, and a plan on the codec from 21:00:30.
      '/api/duty/filing-duty-span?from=2026-02-16T13%3A00%3A00.000Z': {
        from: '2026-02-16T13:00:00.000Z',
        to: '2026-02-16T13:01:00.000Z',
        zone: 'Asia/Shanghai',
        onSite: { start: '07:30', end: '18:30' },
        posts: [{ id: 'desk' }],
        shifts: [
          {
            id: 'p1',
            date: '2026-02-16',
            kind: 'phone',
            engineer: 'user:default/wangqiang',
            startsAt: '2026-02-16T10:30:00.000Z',
            endsAt: '2026-02-16T23:30:00.000Z',
          },
        ],
        plans: [
          {
            id: 'plan-1',
            title: '夜间庭审',
            startsAt: '2026-02-16T13:00:30.000Z',
            endsAt: '2026-02-16T15:00:00.000Z',
            scope: ['device:default/court-3-codec'],
            onSite: ['user:default/zhangwei'],
            standby: [],
          },
        ],
        minimumLevel: 'L2',
      },
    };
    server = createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      const answer = answers[req.url ?? ''];
      res.writeHead(answer ? 200 : 503, {
        'Content-Type': 'application/json',
      });
      res.end(
        JSON.stringify(
          answer ?? {
            error: { name: 'ServiceUnavailableError', message: 'stopping' },
          },
        ),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const duty = (
    url = () => base,
    clock: CourtClock = new ManualCourtClock('2026-02-16T21:00:00+08:00'),
    events = DefaultEventsService.create({ logger }),
  ) =>
    createDutyService({
      auth,
      discovery: { getBaseUrl: async (id: string) => `${url()}/${id}` },
      logger,
      clock,
      events: events.forPlugin('tickets'),
    });

  it("asks the duty API who is on call, with the calling plugin's own token", async () => {
    await expect(
      (await duty()).onCallAt('2026-02-16T21:00:00+08:00'),
    ).resolves.toMatchObject({
      first: 'user:default/wangqiang',
    });
    expect(seen[0].authorization).toBe('Bearer token-for-duty');
  });

  it('answers undefined when duty does not answer, so the caller keeps its own behaviour', async () => {
    await expect(
      (await duty()).onCallAt('2026-02-16T10:00:00+08:00'),
    ).resolves.toBeUndefined();
    await expect(
      (
        await duty(() => 'http://127.0.0.1:9/api')
      ).onCallAt('2026-02-16T21:00:00+08:00'),
    ).resolves.toBeUndefined();
    expect(warnings).toHaveLength(2);
  });

  it("answers a minute's filings from one request, then asks again", async () => {
    const refs = ['device:default/court-3-codec', 'system:default/audio-video'];
    const clock = new ManualCourtClock('2026-02-16T21:00:00+08:00');
    const service = await duty(undefined, clock);
    const asked = () =>
      seen.filter(r => r.url?.startsWith('/api/duty/filing-duty-span')).length;
    const before = asked();
    await expect(
      service.filingDutyAt('2026-02-16T21:00:00+08:00', refs),
    ).resolves.toEqual({
      onCall: nightOnCall,
      floor: null,
    });
    // Later in the same minute, from the same answer: now inside the plan's window.
    await clock.set('2026-02-16T21:00:40+08:00');
    await expect(
      service.filingDutyAt('2026-02-16T21:00:40+08:00', refs),
    ).resolves.toMatchObject({
      onCall: { phone: 'user:default/wangqiang' },
      floor: { level: 'L2', planId: 'plan-1', reason: '重点保障：夜间庭审' },
    });
    expect(asked() - before).toBe(1);
    // Past the minute: asked again (duty has no answer for 21:01 here, so undefined).
    await clock.set('2026-02-16T21:01:00+08:00');
    await expect(
      service.filingDutyAt('2026-02-16T21:01:00+08:00', refs),
    ).resolves.toBeUndefined();
    expect(asked() - before).toBe(2);
  });

  it('asks once for filings that arrive together, and again after duty failed', async () => {
    const refs = ['device:default/court-3-codec'];
    const clock = new ManualCourtClock('2026-02-16T21:00:00+08:00');
    const service = await duty(undefined, clock);
    const asked = () =>
      seen.filter(r => r.url?.startsWith('/api/duty/filing-duty-span')).length;
    const before = asked();
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        service.filingDutyAt('2026-02-16T21:00:00+08:00', refs),
      ),
    );
    expect(new Set(answers.map(a => a?.onCall.first))).toEqual(
      new Set(['user:default/wangqiang']),
    );
    expect(asked() - before).toBe(1);
    // A failed answer is not kept: the next filing asks again and gets one.
    let reachable = false;
    const flaky = await duty(
      () => (reachable ? base : 'http://127.0.0.1:9/api'),
      clock,
    );
    await expect(
      flaky.filingDutyAt('2026-02-16T21:00:00+08:00', refs),
    ).resolves.toBeUndefined();
    reachable = true;
    await expect(
      flaky.filingDutyAt('2026-02-16T21:00:00+08:00', refs),
    ).resolves.toMatchObject({ onCall: nightOnCall });
  });

  it('asks again at once when duty announces a change', async () => {
    const refs = ['device:default/court-3-codec'];
    const events = DefaultEventsService.create({ logger });
    const service = await duty(
      undefined,
      new ManualCourtClock('2026-02-16T21:00:00+08:00'),
      events,
    );
    const asked = () =>
      seen.filter(r => r.url?.startsWith('/api/duty/filing-duty-span')).length;
    const before = asked();
    await service.filingDutyAt('2026-02-16T21:00:00+08:00', refs);
    await service.filingDutyAt('2026-02-16T21:00:00+08:00', refs);
    expect(asked() - before).toBe(1);
    await events
      .forPlugin('duty')
      .publish({ topic: DUTY_CHANGED_TOPIC, eventPayload: {} });
    await service.filingDutyAt('2026-02-16T21:00:00+08:00', refs);
    expect(asked() - before).toBe(2);
  });
});
