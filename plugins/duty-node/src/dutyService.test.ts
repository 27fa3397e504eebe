import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
} as unknown as LoggerService; // Only warn is called.

describe('createDutyService', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ url?: string; authorization?: string }> = [];

  beforeAll(async () => {
    const nightOnCall = {
      at: '2026-02-16T13:00:00.000Z',
      onSiteHours: false,
      onSite: [],
      phone: 'user:default/wangqiang',
      first: 'user:default/wangqiang',
    };
    // What the duty API answers at 21:00 on the 16th; anything else is a 503.
    const answers: Record<string, object> = {
      '/api/duty/on-call?at=2026-02-16T21%3A00%3A00%2B08%3A00': nightOnCall,
      '/api/duty/filing-duty?at=2026-02-16T21%3A00%3A00%2B08%3A00&refs=device%3Adefault%2Fcourt-3-codec&refs=system%3Adefault%2Faudio-video':
        { onCall: nightOnCall, floor: null },
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

  const duty = (url = () => base) =>
    createDutyService({
      auth,
      discovery: { getBaseUrl: async (id: string) => `${url()}/${id}` },
      logger,
    });

  it("asks the duty API who is on call, with the calling plugin's own token", async () => {
    await expect(
      duty().onCallAt('2026-02-16T21:00:00+08:00'),
    ).resolves.toMatchObject({
      first: 'user:default/wangqiang',
    });
    expect(seen[0].authorization).toBe('Bearer token-for-duty');
  });

  it('answers undefined when duty does not answer, so the caller keeps its own behaviour', async () => {
    await expect(
      duty().onCallAt('2026-02-16T10:00:00+08:00'),
    ).resolves.toBeUndefined();
    await expect(
      duty(() => 'http://127.0.0.1:9/api').onCallAt(
        '2026-02-16T21:00:00+08:00',
      ),
    ).resolves.toBeUndefined();
    expect(warnings).toHaveLength(2);
  });

  it("asks for the filing's on-call engineer and major-event floor in one request", async () => {
    const refs = ['device:default/court-3-codec', 'system:default/audio-video'];
    const before = seen.length;
    await expect(
      duty().filingDutyAt('2026-02-16T21:00:00+08:00', refs),
    ).resolves.toEqual({
      onCall: expect.objectContaining({ phone: 'user:default/wangqiang' }),
      floor: null,
    });
    expect(seen.length - before).toBe(1);
    await expect(
      duty().filingDutyAt('2026-02-16T10:00:00+08:00', refs),
    ).resolves.toBeUndefined();
  });
});
