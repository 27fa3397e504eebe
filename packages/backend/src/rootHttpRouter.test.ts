import { mockServices } from '@backstage/backend-test-utils';
import {
  MiddlewareFactory,
  type ExtendedHttpServer,
} from '@backstage/backend-defaults/rootHttpRouter';
import { InputError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { announceReady, hideInternalErrors, stopGracefully } from './rootHttpRouter';

describe('hideInternalErrors', () => {
  const logger = mockServices.logger.mock();
  const app = express();
  app.get('/internal', () => {
    throw new Error("ENOENT: no such file or directory, open '/srv/court/data/kb.sqlite'");
  });
  app.get('/thrown-string', () => {
    throw 'a string, not an Error'; // eslint-disable-line no-throw-literal
  });
  app.get('/input', () => {
    throw new InputError('body.title: is required');
  });
  app.get('/missing', () => {
    throw new NotFoundError('ticket INC-1 not found');
  });
  app.get('/unavailable', () => {
    throw new ServiceUnavailableError('Service is shutting down');
  });
  app.use(hideInternalErrors(logger));
  // Even with stack traces switched on (development), a hidden error shows none.
  const factory = MiddlewareFactory.create({ config: mockServices.rootConfig(), logger });
  app.use(factory.error({ showStackTraces: true }));

  it('answers an unexpected error by a log reference, and logs the original', async () => {
    const res = await supertest(app).get('/internal');
    expect(res.status).toBe(500);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('/srv');
    expect(text).not.toContain('ENOENT');
    expect(res.body.error.stack).toBeUndefined();
    const logId = /^An internal error occurred logId=([0-9a-f]{20})$/.exec(
      res.body.error.message,
    )?.[1];
    expect(logId).toBeDefined();
    expect(logger.error).toHaveBeenCalledWith(
      `Internal error logId=${logId}`,
      expect.objectContaining({ message: expect.stringContaining('/srv/court') }),
    );
  });

  it('hides what was thrown when it is not an Error', async () => {
    const res = await supertest(app).get('/thrown-string');
    expect(res.status).toBe(500);
    expect(res.body.error.message).toMatch(/^An internal error occurred logId=/);
  });

  it.each([
    ['/input', 400, 'body.title: is required'],
    ['/missing', 404, 'ticket INC-1 not found'],
    ['/unavailable', 503, 'Service is shutting down'],
  ])('keeps the message of %s, written for the caller', async (path, status, message) => {
    const res = await supertest(app).get(path);
    expect({ status: res.status, message: res.body.error.message }).toEqual({ status, message });
  });
});

describe('stopGracefully', () => {
  let server: Server;
  let port: number;
  let releaseSlow: () => void;
  let beforeShutdown: Array<() => Promise<void> | void>;
  const exit = jest.fn();
  const header = (typ: string) => Buffer.from(JSON.stringify({ alg: 'ES256', typ })).toString('base64url');
  const pluginToken = `Bearer ${header('vnd.backstage.plugin')}.e30.c2ln`;
  const userToken = `Bearer ${header('vnd.backstage.user')}.e30.c2ln`;

  async function start(options: { drainMs: number; quietMs?: number; hardLimitMs: number }) {
    beforeShutdown = [];
    const app = express();
    server = createServer(app);
    const lifecycle = {
      ...mockServices.rootLifecycle.mock(),
      addBeforeShutdownHook: (hook: () => Promise<void> | void) => beforeShutdown.push(hook),
    };
    stopGracefully(
      app,
      server,
      { lifecycle, logger: mockServices.logger.mock() },
      { quietMs: 0, ...options, exit },
    );
    const slowReleased = new Promise<void>(resolve => {
      releaseSlow = resolve;
    });
    app.get('/slow', async (_req, res) => {
      await slowReleased;
      res.json({ answered: 'in full' });
    });
    app.get('/fast', (_req, res) => res.json({ answered: 'at once' }));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }

  afterEach(() => {
    releaseSlow();
    server.closeAllConnections();
    exit.mockReset();
  });

  function get(
    path: string,
    authorization?: string,
  ): Promise<{ status?: number; body?: string; error?: string }> {
    return new Promise(resolve => {
      const headers = authorization ? { authorization } : undefined;
      const req = request({ host: '127.0.0.1', port, path, agent: false, headers }, res => {
        let body = '';
        res.on('data', chunk => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
        res.on('error', error => resolve({ error: (error as NodeJS.ErrnoException).code }));
      });
      req.on('error', error => resolve({ error: (error as NodeJS.ErrnoException).code }));
      req.end();
    });
  }

  async function inFlight(path: string) {
    let connections = 0;
    server.on('connection', () => (connections += 1));
    const response = get(path);
    await new Promise<void>(resolve => {
      const poll = setInterval(() => connections === 1 && (clearInterval(poll), resolve()), 5);
    });
    await new Promise(resolve => setTimeout(resolve, 20)); // let the request reach its route
    return { response }; // wrapped: awaiting inFlight() must not wait for the answer
  }

  it('refuses new user work, answers the work in flight and what it causes, then closes the port', async () => {
    await start({ drainMs: 5_000, hardLimitMs: 20_000 });
    const { response: slow } = await inFlight('/slow');

    let drained = false;
    const shutdown = Promise.all(beforeShutdown.map(hook => hook())).then(() => {
      drained = true;
    });
    const refused = await get('/fast', userToken);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body!).error.message).toBe('The portal is stopping');
    expect(await get('/fast', 'Bearer not-a-token.at.all')).toMatchObject({ status: 503 });
    // What work in flight causes: another plugin's call, and its fetch of signing keys.
    expect(await get('/fast', pluginToken)).toEqual({ status: 200, body: '{"answered":"at once"}' });
    expect(await get('/fast')).toEqual({ status: 200, body: '{"answered":"at once"}' });
    expect(drained).toBe(false);

    releaseSlow();
    expect(await slow).toEqual({ status: 200, body: '{"answered":"in full"}' });
    await shutdown;
    expect(await get('/fast', pluginToken)).toEqual({ error: 'ECONNREFUSED' });
    await (server as ExtendedHttpServer).stop();
    expect(server.listening).toBe(false);
    expect(exit).not.toHaveBeenCalled();
  });

  it('serves what follows a response closely before it closes the port', async () => {
    await start({ drainMs: 5_000, quietMs: 300, hardLimitMs: 20_000 });
    expect(await get('/fast', userToken)).toMatchObject({ status: 200 });
    const shutdown = Promise.all(beforeShutdown.map(hook => hook()));
    // e.g. the notification a ticket sends after its answer
    expect(await get('/fast', pluginToken)).toMatchObject({ status: 200 });
    await shutdown;
    expect(await get('/fast', pluginToken)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('closes the port at once when nothing is in flight', async () => {
    await start({ drainMs: 5_000, hardLimitMs: 20_000 });
    await Promise.all(beforeShutdown.map(hook => hook()));
    expect(await get('/fast', pluginToken)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('waits at most drainMs for a request in flight, and exits at the hard limit', async () => {
    await start({ drainMs: 100, hardLimitMs: 300 });
    const { response: stuck } = await inFlight('/slow');

    const before = Date.now();
    await Promise.all(beforeShutdown.map(hook => hook()));
    expect(Date.now() - before).toBeGreaterThanOrEqual(90);
    expect(exit).not.toHaveBeenCalled();

    await (server as ExtendedHttpServer).stop(); // cuts what is still open after the drain
    expect(await stuck).toEqual({ error: 'ECONNRESET' });
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(exit).toHaveBeenCalledWith(1);
  });
});

describe('announceReady', () => {
  it('prints the line start.sh users and the browser tests wait for once the root lifecycle starts', async () => {
    const lifecycle = mockServices.rootLifecycle.mock();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      announceReady(lifecycle, 'http://localhost:7311');
      expect(write).not.toHaveBeenCalled();
      const [hook] = lifecycle.addStartupHook.mock.calls[0];
      await hook();
      expect(write).toHaveBeenCalledWith('\n  Court Ops Portal is ready: http://localhost:7311\n\n');
    } finally {
      write.mockRestore();
    }
  });
});
