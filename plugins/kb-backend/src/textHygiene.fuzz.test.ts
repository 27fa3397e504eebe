import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  assertRefusedInEveryField,
  taintedText,
} from '@internal/plugin-court-common/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  as,
  KbBackend,
  newArticle,
  startKbBackend,
} from './__testUtils__/backend';

jest.setTimeout(300_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** Ordinary text with one refused character somewhere in it. */
const tainted = taintedText('卡纸', '打印机 KB-1');

/**
 * Text hygiene through the kb API (issue 12): every single-line field
 * refuses control, bidi and lone-surrogate characters with a 400 naming the
 * field and changes nothing; Markdown keeps tabs and line breaks but not NUL.
 */
describe.each(databases.eachSupportedId())('text hygiene on %s', databaseId => {
  let knex: Knex;
  let backend: KbBackend;
  let article: { id: string; version: number };

  beforeAll(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startKbBackend({ knex });
    article = (
      await request(backend.server)
        .post('/api/kb/articles')
        .set('Authorization', as('wangqiang'))
        .send(newArticle())
    ).body;
  });
  afterAll(() => backend.stop());

  const snapshot = () =>
    Promise.all(
      [
        'kb_articles',
        'kb_article_entities',
        'kb_article_tickets',
        'kb_article_versions',
      ].map(t => knex(t).select()),
    );
  const create = (body: Record<string, unknown>) =>
    request(backend.server)
      .post('/api/kb/articles')
      .set('Authorization', as('wangqiang'))
      .send(newArticle(body));
  const save = (body: Record<string, unknown>) =>
    request(backend.server)
      .put(`/api/kb/articles/${article.id}`)
      .set('Authorization', as('wangqiang'))
      .send(newArticle({ version: article.version, ...body }));

  const fields: [string, (value: string) => request.Test][] = [
    ['body.title', v => create({ title: v })],
    ['body.tags.0', v => create({ tags: [v] })],
    ['body.entityRefs.0', v => create({ entityRefs: [v] })],
    ['body.ticketRefs.0', v => create({ ticketRefs: [v] })],
    ['body.owner', v => create({ owner: v })],
    ['body.title', v => save({ title: v })],
    [
      'query.q',
      v =>
        request(backend.server)
          .get('/api/kb/articles')
          .query({ q: v })
          .set('Authorization', as('wangqiang')),
    ],
  ];

  it('refuses a control, bidi or lone-surrogate character in every single-line field with a 400 naming it, changing nothing', async () => {
    const before = await snapshot();
    await assertRefusedInEveryField(fields, tainted, { numRuns: 80 });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps tabs and line breaks in Markdown, never NUL', async () => {
    const nul = await create({ body: '步骤\u0000' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('body.body: ');
    const kept = await create({ body: '1. 打开前盖\n\t- 注意高温\r\n2. 取纸' });
    expect(kept.status).toBe(201);
    expect(kept.body.body).toBe('1. 打开前盖\n\t- 注意高温\r\n2. 取纸');
  });
});
