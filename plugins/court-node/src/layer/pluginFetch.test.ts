import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { pluginFetch } from './pluginFetch';

describe('pluginFetch', () => {
  let server: Server;
  let seen: IncomingHttpHeaders[];
  let url: string;

  beforeAll(async () => {
    seen = [];
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.end('{}');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const { fetch } = pluginFetch({
    auth: mockServices.auth(),
    targetPluginId: 'tickets',
    onBehalfOf: mockCredentials.user('user:default/sunlei'),
  });

  it('carries a token for the target plugin and asks for an uncompressed answer', async () => {
    await fetch(url);
    const headers = seen[seen.length - 1];
    expect(headers.authorization).toMatch(/^Bearer .+/);
    expect(headers['accept-encoding']).toBe('identity');
  });

  it("keeps the caller's own encoding when it names one", async () => {
    await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(seen[seen.length - 1]['accept-encoding']).toBe('gzip');
  });
});
