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
    server = createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      const night =
        req.url === '/api/duty/on-call?at=2026-02-16T21%3A00%3A00%2B08%3A00';
      res.writeHead(night ? 200 : 503, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          night
            ? {
                at: '2026-02-16T13:00:00.000Z',
                onSiteHours: false,
                onSite: [],
                phone: 'user:default/wangqiang',
                first: 'user:default/wangqiang',
              }
            : {
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
});
