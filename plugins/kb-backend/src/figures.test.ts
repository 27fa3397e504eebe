import { answered } from '@internal/plugin-court-node/testUtils';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import request from 'supertest';
import {
  as,
  KbBackend,
  newArticle,
  RECORDER,
  startKbBackend,
} from './__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/**
 * Counted by hand, days in Beijing time:
 * - Mon 2 March 23:30: how-to A added (counts on the 2nd).
 * - Tue 3 March 00:30: how-to B added; 10:00: A edited twice, B edited once; 11:00: the known
 *   error of PRB-2026-00001 saved from the problem.
 * The 3rd: 2 added (B, the known error), 2 articles updated (A, B), 1 known error from a problem.
 * The 2nd: 1 added, none updated, none from problems.
 */
describe.each(databases.eachSupportedId())(
  'GET /api/kb/figures on %s',
  databaseId => {
    let backend: KbBackend;
    const clock = new ManualCourtClock('2026-03-02T23:30:00+08:00');

    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startKbBackend({ knex, clock });
      const api = () => request(backend.server);
      const create = async (title: string) => {
        const res = await api()
          .post('/api/kb/articles')
          .set('Authorization', as('wangqiang'))
          .send(newArticle({ title }));
        return answered(res, 201).body as { id: string; version: number };
      };
      const edit = async (article: { id: string; version: number }) => {
        const res = await api()
          .put(`/api/kb/articles/${article.id}`)
          .set('Authorization', as('wangqiang'))
          .send(
            newArticle({
              title: `${article.id} 修订 ${article.version + 1}`,
              version: article.version,
            }),
          );
        return answered(res, 200).body as { id: string; version: number };
      };
      let a = await create('打印机卡纸处理');
      await clock.set('2026-03-03T00:30:00+08:00');
      const b = await create('打印机缺墨处理');
      await clock.set('2026-03-03T10:00:00+08:00');
      a = await edit(a);
      await edit(a);
      await edit(b);
      await clock.set('2026-03-03T11:00:00+08:00');
      backend.tickets.set('PRB-2026-00001', {
        ticket: {
          id: 'ticket-uuid-1',
          number: 'PRB-2026-00001',
          type: 'problem',
          title: '第一法庭庭审录像反复无声音',
          description: '近一周第一法庭三次庭审录像没有声音',
          entityRefs: [RECORDER],
          status: 'resolved',
        },
        events: [
          { type: 'created', seq: 1 },
          { type: 'resolved', resolution: '更换音频线', seq: 2 },
        ],
        workLogs: [],
        links: [],
      } as unknown as TicketDetail);
      const known = await api()
        .post('/api/kb/known-errors')
        .set('Authorization', as('wangqiang'))
        .send({
          ticket: 'PRB-2026-00001',
          cause: '接口松动',
          workaround: '插紧',
        });
      answered(known, 201);
      await clock.set('2026-03-04T09:00:00+08:00');
    });
    afterAll(() => backend.stop());

    const figures = (user: string, query: Record<string, string>) =>
      request(backend.server)
        .get('/api/kb/figures')
        .query(query)
        .set('Authorization', as(user));

    it.each([
      [
        '2026-03-03',
        '2026-03-03',
        { articlesAdded: 2, articlesUpdated: 2, knownErrorsFromProblems: 1 },
      ],
      [
        '2026-03-02',
        '2026-03-02',
        { articlesAdded: 1, articlesUpdated: 0, knownErrorsFromProblems: 0 },
      ],
      [
        '2026-03-01',
        '2026-03-03',
        { articlesAdded: 3, articlesUpdated: 2, knownErrorsFromProblems: 1 },
      ],
    ])('counts %s to %s by hand', async (from, to, expected) => {
      const res = await figures('lina', { from, to });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    });

    it('ignores a system: articles are not counted per system', async () => {
      const res = await figures('wuxia', {
        from: '2026-03-03',
        to: '2026-03-03',
        system: 'system:default/network',
      });
      expect(res.status).toBe(200);
      expect(res.body.articlesAdded).toBe(2);
    });

    it.each([
      [
        'a period that has not ended',
        { from: '2026-03-04', to: '2026-03-04' },
        'query.to',
      ],
      [
        'a period that ends before it starts',
        { from: '2026-03-03', to: '2026-03-01' },
        'query.to',
      ],
      ['no period', {}, 'query.from'],
    ])('answers %s with 400 naming the field', async (_what, query, field) => {
      const res = await figures('sunlei', query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`${field}:`);
    });

    it.each(['xuli', 'wangqiang'])(
      'refuses %s with 403 before reading the query',
      async user => {
        expect((await figures(user, { from: 'x' })).status).toBe(403);
        expect(
          (await figures(user, { from: '2026-03-03', to: '2026-03-03' }))
            .status,
        ).toBe(403);
      },
    );
  },
);
