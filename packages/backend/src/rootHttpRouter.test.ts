import { mockServices } from '@backstage/backend-test-utils';
import {
  MiddlewareFactory,
  type ExtendedHttpServer,
  type RootHttpRouterConfigureContext,
} from '@backstage/backend-defaults/rootHttpRouter';
import { InputError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { hideInternalErrors, stopGracefully } from './rootHttpRouter';

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

  async function start(options: { drainMs: number; hardLimitMs: number }) {
    beforeShutdown = [];
    const app = express();
    const slowReleased = new Promise<void>(resolve => {
      releaseSlow = resolve;
    });
    app.get('/slow', async (_req, res) => {
      await slowReleased;
      res.json({ answered: 'in full' });
    });
    server = createServer(app);
    const lifecycle = {
      ...mockServices.rootLifecycle.mock(),
      addBeforeShutdownHook: (hook: () => Promise<void> | void) => beforeShutdown.push(hook),
    } as unknown as RootHttpRouterConfigureContext['lifecycle'];
    stopGracefully(server, { lifecycle, logger: mockServices.logger.mock() }, { ...options, exit });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }

  afterEach(() => {
    releaseSlow();
    server.closeAllConnections();
    exit.mockReset();
  });

  function get(path: string): Promise<{ status?: number; body?: string; error?: string }> {
    return new Promise(resolve => {
      const req = request({ host: '127.0.0.1', port, path, agent: false }, res => {
        let body = '';
        res.on('data', chunk => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
        res.on('error', error => resolve({ error: (error as NodeJS.ErrnoException).code }));
      });
      req.on('error', error => resolve({ error: (error as NodeJS.ErrnoException).code }));
      req.end();
    });
  }

  const started = (inFlight: () => boolean) =>
    new Promise<void>(resolve => {
      const poll = setInterval(() => inFlight() && (clearInterval(poll), resolve()), 5);
    });

  it('stops accepting, answers the request in flight in full, then lets Backstage stop', async () => {
    await start({ drainMs: 5_000, hardLimitMs: 20_000 });
    let connections = 0;
    server.on('connection', () => (connections += 1));
    const slow = get('/slow');
    await started(() => connections === 1);

    let drained = false;
    const shutdown = Promise.all(beforeShutdown.map(hook => hook())).then(() => {
      drained = true;
    });
    expect(await get('/slow')).toEqual({ error: 'ECONNREFUSED' });
    expect(drained).toBe(false);

    releaseSlow();
    expect(await slow).toEqual({ status: 200, body: '{"answered":"in full"}' });
    await shutdown;
    await (server as ExtendedHttpServer).stop();
    expect(server.listening).toBe(false);
    expect(exit).not.toHaveBeenCalled();
  });

  it('waits at most drainMs for a request in flight, and exits at the hard limit', async () => {
    await start({ drainMs: 100, hardLimitMs: 300 });
    let connections = 0;
    server.on('connection', () => (connections += 1));
    const stuck = get('/slow');
    await started(() => connections === 1);

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
