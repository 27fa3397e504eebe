import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import {
  as,
  KbBackend,
  newArticle,
  NETWORK,
  OFFICE,
  PRINTER,
  RECORDER,
  startKbBackend,
  SWITCH,
} from './__testUtils__/backend';

jest.setTimeout(60_000);

describe('knowledge base API', () => {
  let backend: KbBackend;
  beforeAll(async () => {
    backend = await startKbBackend();
  });
  afterAll(() => backend.stop());

  const api = () => request(backend.server);
  const create = (user: string, body: Record<string, unknown> = {}) =>
    api().post('/api/kb/articles').set('Authorization', as(user)).send(newArticle(body));
  const get = (user: string, path: string) =>
    api().get(`/api/kb${path}`).set('Authorization', as(user));

  describe('articles', () => {
    it('saves an article as version 1, by its author, and reads it back', async () => {
      const res = await create('wangqiang');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^KB-\d{5}$/),
        version: 1,
        kind: 'how-to',
        owner: 'user:default/wangqiang',
        createdBy: 'user:default/wangqiang',
        entityRefs: [PRINTER],
        visibility: 'public',
      });
      const read = await get('xuli', `/articles/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.title).toBe('打印机卡纸怎么办');
    });

    it('names every bad field with a 400, never a 500', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'essay' }, 'body.kind'],
        [{ title: '' }, 'body.title: is required'],
        [{ entityRefs: ['user:default/xuli'] }, 'body.entityRefs.0: must be a system or resource or component'],
        [{ entityRefs: ['resource:default/no-such-printer'] }, 'body.entityRefs.0: resource:default/no-such-printer is not in the catalog'],
        [{ owner: 'group:default/nobody' }, 'body.owner: group:default/nobody is not in the catalog'],
        [{ kind: 'known-error' }, 'body.knownError: is required for a known error'],
        [{ visibility: 'secret' }, 'body.visibility'],
        [{ ticketRefs: ['42'] }, 'body.ticketRefs.0: is not a ticket number'],
      ];
      for (const [body, message] of cases) {
        const res = await create('wangqiang', body);
        expect({ body, status: res.status, message: res.body.error?.message }).toEqual({
          body,
          status: 400,
          message: expect.stringContaining(message),
        });
      }
      const notJson = await api()
        .post('/api/kb/articles')
        .set('Authorization', as('wangqiang'))
        .set('Content-Type', 'application/json')
        .send('{"kind":');
      expect(notJson.status).toBe(400);
      expect((await get('wangqiang', '/articles?limit=1000')).status).toBe(400);
      expect((await get('wangqiang', '/articles/not-an-id')).body.error.message).toContain(
        'path.id: is not an article id',
      );
    });

    it('lets court staff read but not write', async () => {
      expect((await create('xuli')).status).toBe(403);
      const { body: article } = await create('lina');
      const edit = await api()
        .put(`/api/kb/articles/${article.id}`)
        .set('Authorization', as('mahui'))
        .send(newArticle({ version: 1, title: '改标题' }));
      expect(edit.status).toBe(403);
    });

    it('answers court staff 403, not a 400 describing the input, on every write (finding 10)', async () => {
      const { body: article } = await create('lina');
      const probes: [string, () => request.Test][] = [
        ['create with a bad body', () => api().post('/api/kb/articles').send({ kind: 7 })],
        ['article PUT with a bad body', () => api().put(`/api/kb/articles/${article.id}`).send({ title: '' })],
        ['article PUT with a bad id', () => api().put('/api/kb/articles/not-an-id').send({})],
        ['restore with a bad body', () => api().post(`/api/kb/articles/${article.id}/restore`).send({})],
        ['known error with a bad body', () => api().post('/api/kb/known-errors').send({})],
      ];
      for (const [name, probe] of probes) {
        const res = await probe().set('Authorization', as('xuli'));
        expect({ name, status: res.status }).toEqual({ name, status: 403 });
        expect(res.body.error.message).not.toMatch(/body\.|path\./);
      }
      const bad = await api()
        .put(`/api/kb/articles/${article.id}`)
        .set('Authorization', as('lina'))
        .send({ title: '' });
      expect(bad.status).toBe(400);
    });
  });

  describe('versions', () => {
    it('saves each edit as a version, refuses a stale one, diffs and restores', async () => {
      const { body: v1 } = await create('wangqiang', { title: 'UPS 电池检查', body: '1. 查看面板\n2. 记录电压' });
      const save = (user: string, version: number, body: Record<string, unknown>) =>
        api()
          .put(`/api/kb/articles/${v1.id}`)
          .set('Authorization', as(user))
          .send(newArticle({ title: 'UPS 电池检查', version, ...body }));

      const v2 = await save('lina', 1, { body: '1. 查看面板\n2. 记录电压和负载\n3. 拍照留档' });
      expect(v2.status).toBe(200);
      expect(v2.body).toMatchObject({ version: 2, updatedBy: 'user:default/lina' });
      // Someone who read version 1 saves after that: refused, nothing changes.
      const stale = await save('wangqiang', 1, { body: '覆盖' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('version 2');
      const v3 = await save('wangqiang', 2, { visibility: 'internal', tags: ['UPS'] });
      expect(v3.body.version).toBe(3);

      const versions = await get('wangqiang', `/articles/${v1.id}/versions`);
      expect(versions.body.map((v: { version: number; author: string }) => [v.version, v.author])).toEqual([
        [3, 'user:default/wangqiang'],
        [2, 'user:default/lina'],
        [1, 'user:default/wangqiang'],
      ]);

      const diff = await get('wangqiang', `/articles/${v1.id}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(diff.body.changes).toEqual([
        {
          field: 'body',
          type: 'text',
          lines: [
            { kind: 'same', text: '1. 查看面板' },
            { kind: 'removed', text: '2. 记录电压' },
            { kind: 'added', text: '2. 记录电压和负载' },
            { kind: 'added', text: '3. 拍照留档' },
          ],
        },
      ]);
      const metadata = await get('wangqiang', `/articles/${v1.id}/diff?from=2&to=3`);
      expect(metadata.body.changes).toEqual([
        { field: 'visibility', type: 'value', before: 'public', after: 'internal' },
        { field: 'tags', type: 'value', before: '打印机', after: 'UPS' },
        expect.objectContaining({ field: 'body' }),
      ]);

      const restore = (version: number) =>
        api()
          .post(`/api/kb/articles/${v1.id}/restore`)
          .set('Authorization', as('lina'))
          .send({ version, from: 1 });
      expect((await restore(2)).status).toBe(409);
      const restored = await restore(3);
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ version: 4, body: '1. 查看面板\n2. 记录电压', visibility: 'public' });
      const latest = await get('lina', `/articles/${v1.id}/versions`);
      expect(latest.body[0]).toMatchObject({ version: 4, restoredFrom: 1, author: 'user:default/lina' });
      expect((await get('lina', `/articles/${v1.id}/versions/1`)).body.content.body).toBe(
        '1. 查看面板\n2. 记录电压',
      );
      expect((await get('lina', `/articles/${v1.id}/versions/9`)).status).toBe(404);
      const missing = await api()
        .post(`/api/kb/articles/${v1.id}/restore`)
        .set('Authorization', as('lina'))
        .send({ version: 4, from: 9 });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('body.from');
    });
  });

  describe('search and visibility', () => {
    let internal: string;
    beforeAll(async () => {
      await create('wangqiang', {
        title: '会议室投影仪没有画面',
        body: '检查投影仪信号线，切换到 HDMI 输入。',
        entityRefs: [],
      });
      internal = (
        await create('wangqiang', {
          kind: 'runbook',
          title: '核心交换机故障处置',
          body: 'VRRP 切换到备机，检查打印机所在的办公网段是否恢复。',
          entityRefs: [SWITCH, NETWORK],
          visibility: 'internal',
        })
      ).body.id;
      await create('wangqiang', {
        kind: 'faq',
        title: 'How do I reset my printer queue?',
        body: 'Open the print queue and cancel the stuck job.',
        language: 'en',
        tags: ['printer'],
        visibility: 'public',
      });
    });

    const titles = (res: request.Response) =>
      res.body.items.map((a: { title: string }) => a.title);

    it('finds Chinese and English, ranked, with a snippet around the match', async () => {
      const zh = await get('wangqiang', `/articles?q=${encodeURIComponent('打印机')}`);
      expect(zh.status).toBe(200);
      expect(titles(zh)[0]).toBe('打印机卡纸怎么办');
      expect(titles(zh)).toContain('核心交换机故障处置');
      const en = await get('wangqiang', '/articles?q=printer%20queue');
      expect(titles(en)).toEqual(['How do I reset my printer queue?']);
      const projector = await get('wangqiang', `/articles?q=${encodeURIComponent('投影仪')}`);
      expect(projector.body.items[0].snippet).toContain('检查投影仪信号线');
    });

    it('filters by kind and entity', async () => {
      const runbooks = await get('wangqiang', `/articles?kind=runbook&q=${encodeURIComponent('交换机')}`);
      expect(titles(runbooks)).toEqual(['核心交换机故障处置']);
      const onSwitch = await get('wangqiang', `/articles?entity=${SWITCH}`);
      expect(titles(onSwitch)).toEqual(['核心交换机故障处置']);
      const onEither = await get('wangqiang', `/articles?entity=${SWITCH}&entity=${PRINTER}&kind=how-to`);
      expect(titles(onEither)).toContain('打印机卡纸怎么办');
      for (const article of onEither.body.items) {
        expect(article.kind).toBe('how-to');
        expect(article.entityRefs.some((r: string) => [SWITCH, PRINTER].includes(r))).toBe(true);
      }
    });

    it('never shows court staff an internal article: not by id, search, counts, suggestions or export', async () => {
      expect((await get('xuli', `/articles/${internal}`)).status).toBe(404);
      expect((await get('wangqiang', `/articles/${internal}`)).status).toBe(200);
      expect((await get('huangjun', `/articles/${internal}`)).status).toBe(200);
      expect((await get('xuli', `/articles/${internal}/versions`)).status).toBe(404);

      const staffSearch = await get('xuli', `/articles?q=${encodeURIComponent('打印机')}`);
      expect(titles(staffSearch)).not.toContain('核心交换机故障处置');
      expect(staffSearch.body.items.every((a: { visibility: string }) => a.visibility === 'public')).toBe(true);
      const staffList = await get('mahui', '/articles?limit=100');
      expect(staffList.body.items.map((a: { id: string }) => a.id)).not.toContain(internal);

      const counts = await get('xuli', '/kinds');
      expect(counts.body.runbook).toBe(0);
      expect((await get('wangqiang', '/kinds')).body.runbook).toBeGreaterThan(0);

      const suggestions = await get('xuli', `/suggestions?text=${encodeURIComponent('交换机故障')}&entity=${SWITCH}`);
      expect(suggestions.body.map((a: { id: string }) => a.id)).not.toContain(internal);
      const exported = await get('xuli', '/export?limit=500');
      expect(exported.body.map((a: { id: string }) => a.id)).not.toContain(internal);
    });

    it('answers the permission framework for Backstage search: internal articles fail the court staff condition', async () => {
      const { body: publicArticle } = await create('wangqiang', { title: '公开文章' });
      const staffCondition = {
        rule: 'HAS_VISIBILITY',
        resourceType: 'kb-article',
        params: { visibilities: ['public'] },
      };
      // What the permission backend asks when the court's policy answers CONDITIONAL.
      const res = await api()
        .post('/api/kb/.well-known/backstage/permissions/apply-conditions')
        .set('Authorization', mockCredentials.service.header())
        .send({
          items: [internal, publicArticle.id].map((resourceRef, i) => ({
            id: String(i),
            resourceRef,
            resourceType: 'kb-article',
            conditions: staffCondition,
          })),
        });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { id: '0', result: 'DENY' },
        { id: '1', result: 'ALLOW' },
      ]);
    });

    it('suggests articles on a ticket’s words and its entities while it is filed', async () => {
      const byText = await get(
        'lina',
        `/suggestions?text=${encodeURIComponent('院办公室的打印机又卡纸了，纸张卡在里面')}`,
      );
      expect(byText.status).toBe(200);
      expect(byText.body[0].title).toBe('打印机卡纸怎么办');
      // A device on the network: the network system's runbook comes up without a word typed.
      const byEntity = await get('lina', `/suggestions?entity=${SWITCH}`);
      expect(byEntity.body.map((a: { title: string }) => a.title)).toContain('核心交换机故障处置');
      const both = await get('lina', `/suggestions?text=${encodeURIComponent('打印不出来')}&entity=${PRINTER}`);
      expect(both.body[0].entityRefs).toContain(PRINTER);
      expect((await get('lina', `/suggestions?entity=${OFFICE}&limit=99`)).status).toBe(400);
    });
  });

  describe('known errors from problems (PRB-1)', () => {
    const problem = (overrides: Partial<TicketDetail['ticket']> = {}): TicketDetail =>
      ({
        ticket: {
          id: 'ticket-uuid-1',
          number: 'PRB-2026-00001',
          type: 'problem',
          title: '第一法庭庭审录像反复无声音',
          description: '近一周第一法庭三次庭审录像没有声音',
          entityRefs: [RECORDER],
          status: 'resolved',
          ...overrides,
        },
        events: [
          { type: 'created', seq: 1 },
          { type: 'resolved', resolution: '更换带锁扣的拾音器音频线', seq: 2 },
        ],
        workLogs: [],
        links: [],
      }) as unknown as TicketDetail;

    const fromTicket = (user: string, body: Record<string, unknown>) =>
      api().post('/api/kb/known-errors').set('Authorization', as(user)).send(body);

    it('makes the root cause a known error in one step and links it back, as the user', async () => {
      backend.tickets.set('PRB-2026-00001', problem());
      const res = await fromTicket('wangqiang', {
        ticket: 'PRB-2026-00001',
        cause: '拾音器音频线接口松动',
        workaround: '开庭前重新插紧音频线并试录',
      });
      expect(res.status).toBe(201);
      expect(res.body.created).toBe(true);
      const { article } = res.body;
      expect(article).toMatchObject({
        kind: 'known-error',
        title: '第一法庭庭审录像反复无声音',
        knownError: {
          symptom: '近一周第一法庭三次庭审录像没有声音',
          cause: '拾音器音频线接口松动',
          workaround: '开庭前重新插紧音频线并试录',
          fix: '更换带锁扣的拾音器音频线',
        },
        entityRefs: [RECORDER],
        ticketRefs: ['PRB-2026-00001'],
        originTicket: 'PRB-2026-00001',
        visibility: 'internal',
        language: 'zh',
      });
      expect(backend.ticketCalls).toContainEqual({
        method: 'POST',
        path: '/tickets/ticket-uuid-1/links',
        body: { kind: 'article', target: article.id, relation: 'related' },
        caller: 'user:default/wangqiang',
      });

      // Asked again (a second click): the same article, and no second link.
      backend.tickets.set('PRB-2026-00001', {
        ...problem(),
        links: [{ kind: 'article', target: article.id, relation: 'related' }],
      } as unknown as TicketDetail);
      const calls = backend.ticketCalls.length;
      const again = await fromTicket('lina', { ticket: 'PRB-2026-00001', cause: 'x', workaround: 'y' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: false, article: { id: article.id } });
      expect(backend.ticketCalls.slice(calls).map(c => c.method)).toEqual(['GET']);
    });

    it('refuses what is not a problem, a ticket that is not there, and court staff', async () => {
      backend.tickets.set('INC-2026-00009', problem({ number: 'INC-2026-00009', type: 'incident' }));
      const incident = await fromTicket('wangqiang', { ticket: 'INC-2026-00009', cause: 'a', workaround: 'b' });
      expect(incident.status).toBe(400);
      expect(incident.body.error.message).toContain('body.ticket: INC-2026-00009 is a incident');
      const missing = await fromTicket('wangqiang', { ticket: 'PRB-2026-09999', cause: 'a', workaround: 'b' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('body.ticket: no ticket PRB-2026-09999');
      expect((await fromTicket('xuli', { ticket: 'PRB-2026-00001', cause: 'a', workaround: 'b' })).status).toBe(403);
      expect((await fromTicket('wangqiang', { ticket: 'PRB-2026-00001' })).body.error.message).toContain(
        'body.cause: ',
      );
    });
  });
});
