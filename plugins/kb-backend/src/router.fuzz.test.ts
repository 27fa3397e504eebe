import fc from 'fast-check';
import request from 'supertest';
import { as, KbBackend, newArticle, startKbBackend } from './__testUtils__/backend';

jest.setTimeout(180_000);

/**
 * Generated requests, mostly malformed: none may get a 500; a 400 names the
 * field (`body.…`, `query.…`, `path.…`).
 */
describe('bad input', () => {
  let backend: KbBackend;

  beforeAll(async () => {
    backend = await startKbBackend();
    // KB-00001, which the requests below save and restore.
    await request(backend.server)
      .post('/api/kb/articles')
      .set('Authorization', as('wangqiang'))
      .send(newArticle());
  });
  afterAll(() => backend.stop());

  const json = fc.jsonValue({ maxDepth: 3 });
  /** A valid body with one field replaced or added by junk. */
  const corrupted = (valid: Record<string, unknown>) =>
    fc
      .tuple(fc.constantFrom(...Object.keys(valid), 'unexpected'), json)
      .map(([key, value]) => ({ ...valid, [key]: value }));

  /** Statuses seen by the current test: the generators must produce rejections too. */
  let statuses: Set<number>;
  beforeEach(() => {
    statuses = new Set();
  });

  function expectNoServerError(res: request.Response, where: string) {
    statuses.add(res.status);
    expect(res.status).toBeLessThan(500);
    if (res.status === 400) {
      expect(res.body.error.message).toMatch(new RegExp(`^${where}[.:]`));
    }
  }

  it('never fails on a malformed new article', async () => {
    await fc.assert(
      fc.asyncProperty(corrupted(newArticle({ knownError: undefined })), async body => {
        const res = await request(backend.server)
          .post('/api/kb/articles')
          .set('Authorization', as('wangqiang'))
          .send(body);
        expectNoServerError(res, 'body');
      }),
      { numRuns: 60 },
    );
    expect(statuses).toContain(400);
  });

  it.each([
    ['a save', 'put', `/articles/KB-00001`, { ...newArticle(), version: 1 }],
    ['a restore', 'post', '/articles/KB-00001/restore', { version: 1, from: 1 }],
    [
      'a known error',
      'post',
      '/known-errors',
      { ticket: 'PRB-2026-00001', cause: 'a', workaround: 'b' },
    ],
  ] as const)('never fails on a malformed request for %s', async (_, method, path, valid) => {
    await fc.assert(
      fc.asyncProperty(corrupted(valid), async body => {
        const res = await request(backend.server)
          [method](`/api/kb${path}`)
          .set('Authorization', as('wangqiang'))
          .send(body);
        expectNoServerError(res, 'body');
      }),
      { numRuns: 30 },
    );
    expect(statuses).toContain(400);
  });

  it('never fails on a malformed query string or path', async () => {
    const value = fc.oneof(fc.string(), fc.integer().map(String), fc.constant(''));
    const query = fc.dictionary(
      fc.constantFrom('q', 'kind', 'entity', 'language', 'limit', 'offset', 'text', 'from', 'to', 'after', 'x'),
      fc.oneof(value, fc.array(value, { maxLength: 3 })),
    );
    const paths = ['/articles', '/suggestions', '/articles/KB-00001/diff', '/export', '/kinds'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), query, async (path, params) => {
        const res = await request(backend.server)
          .get(`/api/kb${path}`)
          .query(params)
          .set('Authorization', as('lina'));
        expectNoServerError(res, 'query');
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), async id => {
        const res = await request(backend.server)
          .get(`/api/kb/articles/${encodeURIComponent(id)}/versions/1`)
          .set('Authorization', as('lina'));
        expectNoServerError(res, 'path');
      }),
      { numRuns: 40 },
    );
    expect(statuses).toContain(400);
  });
});
