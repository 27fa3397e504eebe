import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { z } from 'zod';
import { actorOf, Caller } from './caller';
import { createCourtRouter } from './courtRouter';
import { parseInput } from './parseInput';
import { pluginFetch } from './pluginFetch';
import { readConfigAt } from './readConfig';
import { systemOf } from './systemOf';

describe('parseInput', () => {
  const schema = z.strictObject({
    urgency: z.enum(['high', 'low']),
    entityRefs: z.array(z.string().min(1)),
  });

  it('returns the parsed value', () => {
    expect(
      parseInput(schema, { urgency: 'high', entityRefs: ['a'] }, 'body'),
    ).toEqual({ urgency: 'high', entityRefs: ['a'] });
  });

  it('throws an InputError naming every bad field with its path', () => {
    let thrown: unknown;
    try {
      parseInput(schema, { urgency: 'soon', entityRefs: ['ok', ''] }, 'body');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^body\.urgency: /);
    expect(message).toContain('; body.entityRefs.1: ');
  });
});

describe('readConfigAt', () => {
  const schema = z
    .strictObject({ zone: z.string().default('Asia/Shanghai') })
    .prefault({});

  it('applies the defaults to an absent section', () => {
    expect(readConfigAt(new ConfigReader({}), 'tickets', schema)).toEqual({
      zone: 'Asia/Shanghai',
    });
  });

  it('names the full key of a bad value', () => {
    expect(() =>
      readConfigAt(
        new ConfigReader({ tickets: { zone: 7 } }),
        'tickets',
        schema,
      ),
    ).toThrow(/^Invalid configuration at tickets\.zone: /);
    expect(() =>
      readConfigAt(
        new ConfigReader({ courtOps: { x: { zone: 'a', extra: 1 } } }),
        'courtOps.x',
        schema,
      ),
    ).toThrow(/^Invalid configuration at courtOps\.x: .*extra/);
  });
});

describe('actorOf', () => {
  it('records a user by entity ref and a plugin by its subject', () => {
    expect(actorOf(mockCredentials.user('user:default/li.wei'))).toBe(
      'user:default/li.wei',
    );
    expect(actorOf(mockCredentials.service('plugin:inspections'))).toBe(
      'plugin:inspections',
    );
  });
});

describe('systemOf', () => {
  const entity = (
    kind: string,
    spec: Entity['spec'],
    extra: Partial<Entity> = {},
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', namespace: 'court' },
    spec,
    ...extra,
  });

  it('a System is its own system', () => {
    expect(systemOf(entity('System', { system: 'other' }))).toBe(
      'system:court/x',
    );
  });

  it('a short spec.system names a System in the entity namespace', () => {
    expect(systemOf(entity('Resource', { system: 'trial-av' }))).toBe(
      'system:court/trial-av',
    );
    expect(systemOf(entity('Resource', { system: 'default/trial-av' }))).toBe(
      'system:default/trial-av',
    );
  });

  it('falls back to a partOf relation to a System, and else has none', () => {
    const relations = [
      { type: 'ownedBy', targetRef: 'group:default/onsite-team' },
      { type: 'partOf', targetRef: 'component:default/case-system' },
      { type: 'partOf', targetRef: 'system:default/case-management' },
    ];
    expect(systemOf(entity('Component', {}, { relations }))).toBe(
      'system:default/case-management',
    );
    expect(systemOf(entity('Component', {}))).toBeUndefined();
  });

  it('spec.system wins over relations, whatever they say', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
        fc.array(fc.stringMatching(/^system:default\/[a-z]{1,8}$/)),
        (name, targets) => {
          const relations = targets.map(targetRef => ({
            type: 'partOf',
            targetRef,
          }));
          expect(
            systemOf(entity('Resource', { system: name }, { relations })),
          ).toBe(`system:court/${name}`);
        },
      ),
    );
  });
});

describe('createCourtRouter', () => {
  const refusedUser = 'user:default/visitor';
  // The service's check: everyone but the refused user may make things.
  const authorize = jest.fn(async (action: 'make', caller: Caller) => {
    if (actorOf(caller) === refusedUser) {
      throw new NotAllowedError(`${action} is not allowed`);
    }
  });
  beforeEach(() => authorize.mockClear());

  function app(auditor = mockServices.auditor.mock()) {
    const court = createCourtRouter({
      httpAuth: mockServices.httpAuth(),
      auditor,
      bodyLimitKb: 1,
      authorize,
    });
    court.router.post('/things', async (req, res) => {
      const credentials = await court.allowed(req, 'make');
      const body = parseInput(
        z.strictObject({ n: z.number() }),
        req.body,
        'body',
      );
      const result = await court.audited(
        req,
        'thing-make',
        { n: body.n },
        async () => {
          if (body.n < 0) throw new NotFoundError('no such thing');
          return { n: body.n, by: actorOf(credentials) };
        },
      );
      res.status(201).json(result);
    });
    const server = express();
    server.use(court.router);
    server.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.rootLogger(),
      }).error(),
    );
    return server;
  }

  it('names the caller and audits a successful change', async () => {
    const success = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: async () => ({ success, fail: jest.fn() }),
    });
    const res = await request(app(auditor)).post('/things').send({ n: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      n: 3,
      by: mockCredentials.user().principal.userEntityRef,
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'thing-make', meta: { n: 3 } }),
    );
    expect(success).toHaveBeenCalledWith({ meta: { n: 3 } });
  });

  it('audits a failed change as failed and passes its error on', async () => {
    const fail = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: async () => ({ success: jest.fn(), fail }),
    });
    const res = await request(app(auditor)).post('/things').send({ n: -1 });
    expect(res.status).toBe(404);
    expect(fail).toHaveBeenCalledWith(
      expect.objectContaining({ meta: { n: -1 } }),
    );
  });

  it('answers 400 naming the body for bad JSON and for too large a body', async () => {
    const bad = await request(app())
      .post('/things')
      .set('Content-Type', 'application/json')
      .send('{"n": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'body: is not valid JSON (an object is expected)',
    );
    const large = await request(app())
      .post('/things')
      .send({ n: 1, pad: 'x'.repeat(2000) });
    expect(large.status).toBe(400);
    expect(large.body.error.message).toBe('body: is larger than 1 kB');
  });

  it('refuses a request without credentials', async () => {
    const res = await request(app())
      .post('/things')
      .set('Authorization', mockCredentials.none.header())
      .send({ n: 1 });
    expect(res.status).toBe(401);
    expect(authorize).not.toHaveBeenCalled();
  });

  it('asks the service about the caller before the input is read: 403, not 400', async () => {
    const res = await request(app())
      .post('/things')
      .set('Authorization', mockCredentials.user.header(refusedUser))
      .send({ n: 'not a number' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('make is not allowed');
    expect(authorize).toHaveBeenCalledWith(
      'make',
      mockCredentials.user(refusedUser),
    );
  });

  it('passes an allowed caller on to the route, which then checks the input', async () => {
    const res = await request(app())
      .post('/things')
      .set('Authorization', mockCredentials.service.header())
      .send({ n: 'not a number' });
    expect(res.status).toBe(400);
    expect(authorize).toHaveBeenCalledWith('make', mockCredentials.service());
  });
});

describe('pluginFetch', () => {
  afterEach(() => jest.restoreAllMocks());

  it('signs each request for the target plugin on behalf of the caller, keeping other headers', async () => {
    const sent = jest
      .spyOn(global, 'fetch')
      .mockResolvedValue(new Response('{}', { status: 200 }));
    const user = mockCredentials.user('user:default/li.wei');
    const { fetch: signed } = pluginFetch({
      auth: mockServices.auth({ pluginId: 'kb' }),
      targetPluginId: 'tickets',
      onBehalfOf: user,
    });
    await signed('http://localhost/api/tickets/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    const init = sent.mock.calls[0][1]!;
    const headers = new Headers(init.headers);
    expect(init.method).toBe('POST');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Authorization')).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: user,
        targetPluginId: 'tickets',
      })}`,
    );
  });
});

describe('pluginFetch on behalf of the plugin itself', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks for the credentials on every request', async () => {
    jest
      .spyOn(global, 'fetch')
      .mockImplementation(async () => new Response('{}'));
    const own = jest.fn(async () => mockCredentials.service('plugin:search'));
    const { fetch: signed } = pluginFetch({
      auth: mockServices.auth({ pluginId: 'search' }),
      targetPluginId: 'kb',
      onBehalfOf: own,
    });
    await signed('http://localhost/api/kb/export');
    await signed('http://localhost/api/kb/export');
    expect(own).toHaveBeenCalledTimes(2);
  });
});
