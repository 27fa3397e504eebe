import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { ArticleContent } from '@internal/plugin-kb-common';
import { ArticleFilter, DatabaseKbStore } from './DatabaseKbStore';
import { idf } from './TermStatistics';
import { SearchAnalyzer } from '@internal/plugin-kb-node';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const PRINTER = 'resource:default/printer-01';
const SWITCH = 'resource:default/core-switch-01';
const AT = '2026-11-30T02:00:00.000Z';

function content(overrides: Partial<ArticleContent> = {}): ArticleContent {
  return {
    kind: 'how-to',
    title: '打印机卡纸怎么办',
    body: '1. 打开前盖\n2. 取出卡住的纸张',
    tags: ['打印机'],
    language: 'zh',
    entityRefs: [PRINTER],
    ticketRefs: [],
    owner: 'group:default/onsite-team',
    visibility: 'public',
    ...overrides,
  };
}

const staffOnly: ArticleFilter = {
  access: { property: 'visibility', values: ['public'] },
};

describe.each(databases.eachSupportedId())('kb store on %s', databaseId => {
  let store: DatabaseKbStore;
  let at = Date.parse(AT);
  const save = (c: ArticleContent, actor = 'user:default/wangqiang') => ({
    content: c,
    actor,
    at: new Date((at += 60_000)).toISOString(),
  });

  beforeEach(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    store = await DatabaseKbStore.fromKnex(knex);
  });

  async function search(q: string, filter: ArticleFilter = {}) {
    const page = await store.searchText(q, { filter, limit: 20, offset: 0 });
    return { ...page, titles: page.items.map(a => a.title) };
  }

  it('stores an article whole, with its links, and reads it back by id', async () => {
    const stored = await store.insert(
      save(
        content({
          kind: 'known-error',
          title: '庭审录像无声音',
          knownError: {
            symptom: '录像没有声音',
            cause: '拾音器音频线松动',
            workaround: '重新插紧音频线',
            fix: '更换带锁扣的音频线',
          },
          entityRefs: [SWITCH, PRINTER],
          ticketRefs: ['PRB-2026-00001'],
          visibility: 'internal',
        }),
      ),
    );
    expect(stored.id).toMatch(/^KB-\d{5}$/);
    expect(await store.get(stored.id)).toEqual(stored);
    expect(await store.get(stored.id.toLowerCase())).toEqual(stored);
    expect(stored).toMatchObject({
      version: 1,
      entityRefs: [SWITCH, PRINTER],
      ticketRefs: ['PRB-2026-00001'],
      knownError: { cause: '拾音器音频线松动', fix: '更换带锁扣的音频线' },
      createdBy: 'user:default/wangqiang',
    });
    expect(await store.get('KB-99999')).toBeUndefined();
    expect(await store.get('not-an-id')).toBeUndefined();
  });

  it('keeps every save as a version and refuses a save made from a stale one', async () => {
    const first = await store.insert(save(content()));
    const second = await store.update(
      first.id,
      1,
      save(
        content({ body: '1. 打开前盖\n2. 轻轻取出纸张\n3. 打印测试页' }),
        'user:default/lina',
      ),
    );
    expect(second).toMatchObject({
      version: 2,
      updatedBy: 'user:default/lina',
    });
    await expect(
      store.update(first.id, 1, save(content({ title: '旧版本上的修改' }))),
    ).rejects.toThrow(ConflictError);
    expect((await store.get(first.id))?.title).toBe('打印机卡纸怎么办');

    const versions = await store.versions(first.id);
    expect(versions.map(v => [v.version, v.author])).toEqual([
      [2, 'user:default/lina'],
      [1, 'user:default/wangqiang'],
    ]);
    expect((await store.version(first.id, 1))?.content.body).toBe(
      '1. 打开前盖\n2. 取出卡住的纸张',
    );
  });

  it('lets exactly one of two saves from the same version through', async () => {
    const article = await store.insert(save(content()));
    const kbStore = store; // this test's store, not whichever beforeEach sets next
    for (let round = 1; round <= 5; round++) {
      const results = await Promise.allSettled(
        ['lina', 'wangqiang'].map(user =>
          kbStore.update(
            article.id,
            round,
            save(
              content({ title: `第 ${round} 轮 ${user}` }),
              `user:default/${user}`,
            ),
          ),
        ),
      );
      expect(results.map(r => r.status).sort()).toEqual([
        'fulfilled',
        'rejected',
      ]);
      const winner = results.find(
        r => r.status === 'fulfilled',
      ) as PromiseFulfilledResult<{
        title: string;
      }>;
      expect((await store.get(article.id))?.title).toBe(winner.value.title);
      expect((await store.get(article.id))?.version).toBe(round + 1);
    }
  });

  it('finds Chinese by any piece of it and English by word', async () => {
    await store.insert(
      save(
        content({
          title: '院办公室打印机',
          body: '今天打印机卡纸了，请按下面处理。',
        }),
      ),
    );
    await store.insert(
      save(
        content({
          title: 'Core switch failover',
          body: 'When the VRRP master fails, the backup takes over within seconds.',
          language: 'en',
          entityRefs: [SWITCH],
          tags: ['network'],
        }),
      ),
    );
    await store.insert(
      save(content({ title: '投影仪没有画面', body: '检查信号线', tags: [] })),
    );

    expect((await search('打印机')).titles).toEqual(['院办公室打印机']);
    expect((await search('卡纸')).titles).toEqual(['院办公室打印机']);
    expect((await search('vrrp')).titles).toEqual(['Core switch failover']);
    expect((await search('SWITCH failover')).titles).toEqual([
      'Core switch failover',
    ]);
    // One character: every article that contains it.
    expect((await search('机')).titles.sort()).toEqual(['院办公室打印机']);
    expect((await search('画')).titles).toEqual(['投影仪没有画面']);
    expect((await search('服务器')).total).toBe(0);
  });

  it('ranks by BM25: rare terms weigh more, a match in the title above one in the text', async () => {
    await store.insert(
      save(
        content({ title: '卡纸处理', body: '打印机卡纸时打开前盖', tags: [] }),
      ),
    );
    await store.insert(
      save(content({ title: '打印机卡纸', body: '打开前盖', tags: [] })),
    );
    // Shares only the common terms (打印机 打印 印机, in every article): under
    // half the query's weight, too little to match.
    await store.insert(
      save(content({ title: '打印机驱动', body: '打印机无法打印', tags: [] })),
    );
    const { titles, items } = await search('打印机卡纸');
    expect(titles).toEqual(['打印机卡纸', '卡纸处理']);
    // Terms 打印机 打印 印机 (in 3 of 3 articles) and 卡纸 (2 of 3); a term's
    // weight w (title 4, text 1, summed) saturates as w·3/(w+2).
    const common = idf(3, 3);
    const rare = idf(2, 3);
    const saturated = (w: number) => (w * 3) / (w + 2);
    const [first, second] = items.map(a => a.score!);
    expect(first).toBeCloseTo(saturated(4) * (3 * common + rare), 5);
    expect(second).toBeCloseTo(3 * saturated(1) * common + saturated(5) * rare, 5);
  });

  it('narrows by kind, entity, language and the caller’s access', async () => {
    await store.insert(save(content({ title: '打印机卡纸（公开）' })));
    await store.insert(
      save(
        content({
          kind: 'runbook',
          title: '打印机维修（内部）',
          visibility: 'internal',
        }),
      ),
    );
    await store.insert(
      save(
        content({
          title: '交换机打印机配置',
          entityRefs: [SWITCH],
          language: 'en',
        }),
      ),
    );
    expect((await search('打印机', staffOnly)).titles.sort()).toEqual(
      ['交换机打印机配置', '打印机卡纸（公开）'].sort(),
    );
    expect((await search('打印机', { kinds: ['runbook'] })).titles).toEqual([
      '打印机维修（内部）',
    ]);
    expect((await search('打印机', { entityRefs: [SWITCH] })).titles).toEqual([
      '交换机打印机配置',
    ]);
    expect((await search('打印机', { language: 'en' })).titles).toEqual([
      '交换机打印机配置',
    ]);
    expect(
      (
        await store.recent({ filter: staffOnly, limit: 10, offset: 0 })
      ).items.map(a => a.visibility),
    ).toEqual(['public', 'public']);
    expect(await store.kindCounts(staffOnly)).toEqual({
      'known-error': 0,
      runbook: 0,
      'how-to': 2,
      faq: 0,
    });
    expect(await store.kindCounts({})).toMatchObject({
      runbook: 1,
      'how-to': 2,
    });
  });

  it('counts the kinds of what a search found, whatever kind it asked for', async () => {
    await store.insert(save(content({ title: '打印机卡纸' })));
    await store.insert(save(content({ kind: 'runbook', title: '打印机维修' })));
    await store.insert(save(content({ kind: 'faq', title: '交换机端口', body: '端口指示灯', tags: [] })));
    const page = await search('打印机', { kinds: ['runbook'] });
    expect(page.titles).toEqual(['打印机维修']);
    expect(page.total).toBe(1);
    expect(page.kinds).toEqual({ 'known-error': 0, runbook: 1, 'how-to': 1, faq: 0 });
    expect((await search('打印机', staffOnly)).kinds).toMatchObject({ runbook: 1, faq: 0 });
    expect((await search('交换机', {})).kinds).toEqual({ 'known-error': 0, runbook: 0, 'how-to': 0, faq: 1 });
  });

  it('finds a question worded with filler and synonyms, and full-width letters', async () => {
    await store.insert(save(content({ title: '投影仪无信号、无画面的处理', body: '检查 HDMI 线，切换信号源。', tags: ['投影仪'] })));
    await store.insert(save(content({ title: '投影仪灯泡更换', body: '亮度下降时更换灯泡。', tags: ['投影仪'] })));
    await store.insert(save(content({ title: 'UPS 转电池供电处置', body: '市电中断后查看剩余时间。', tags: ['UPS'] })));
    expect((await search('投影机没有画面了怎么办')).titles[0]).toBe('投影仪无信号、无画面的处理');
    expect((await search('ＵＰＳ')).titles).toEqual(['UPS 转电池供电处置']);
    // Filler alone asks for nothing.
    expect((await search('请问怎么办呢')).titles).toEqual([]);
  });

  it('corrects a Latin word of four letters or more one edit away, never a shorter one', async () => {
    await store.insert(save(content({ title: 'UPS battery self-test', body: 'Run the test monthly.', tags: [], language: 'en' })));
    await store.insert(save(content({ title: 'XSS in the portal', body: 'Report it to the PC team.', tags: [], language: 'en' })));
    expect((await search('batery')).titles).toEqual(['UPS battery self-test']);
    expect((await search('UPS')).titles).toEqual(['UPS battery self-test']);
    // One letter away from ups and pc, but a different thing.
    expect((await search('upc')).titles).toEqual([]);
    expect((await search('xyzzyq')).titles).toEqual([]);
  });

  it('rebuilds the index when the analysis changed, once', async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    const before = await DatabaseKbStore.fromKnex(knex);
    // An empty index is recorded as built by the default analysis.
    expect(await before.reindexIfAnalysisChanged()).toBe(0);
    await before.insert(save(content({ title: '核心交换机坏了', body: '切换到备用交换机', tags: [] })));
    const after = await DatabaseKbStore.fromKnex(knex, {
      analyzer: new SearchAnalyzer([['故障', '坏了']]),
    });
    const found = async () =>
      (await after.searchText('故障', { filter: {}, limit: 5, offset: 0 })).items.map(a => a.title);
    // Indexed by the default analysis, the article says 坏了, not 故障.
    expect(await found()).toEqual([]);
    expect(await after.reindexIfAnalysisChanged()).toBe(1);
    expect(await found()).toEqual(['核心交换机坏了']);
    expect(await after.reindexIfAnalysisChanged()).toBe(0);
  });

  it('pages results with the total, newest first when nothing is searched', async () => {
    for (let i = 0; i < 5; i++) {
      await store.insert(save(content({ title: `打印机问题 ${i}` })));
    }
    const page = await store.searchText('打印机', { filter: {}, limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
    const recent = await store.recent({ filter: {}, limit: 2, offset: 0 });
    expect(recent.total).toBe(5);
    expect(recent.items.map(a => a.title)).toEqual([
      '打印机问题 4',
      '打印机问题 3',
    ]);
  });

  it('re-indexes on save and forgets a deleted article', async () => {
    const article = await store.insert(save(content({ title: '打印机卡纸' })));
    await store.update(
      article.id,
      1,
      save(content({ title: '扫描仪卡纸', body: '打开扫描仪盖板', tags: [] })),
    );
    expect((await search('打印机')).total).toBe(0);
    expect((await search('扫描仪')).titles).toEqual(['扫描仪卡纸']);
    await store.delete(article.id);
    expect((await search('扫描仪')).total).toBe(0);
    expect(await store.get(article.id)).toBeUndefined();
    expect(await store.versions(article.id)).toEqual([]);
  });

  it('walks every article by id for the collator, within the caller’s access', async () => {
    const ids = [];
    for (const visibility of ['public', 'internal', 'public'] as const) {
      ids.push((await store.insert(save(content({ visibility })))).id);
    }
    const all = await store.after(0, 2, {});
    expect(all.map(a => a.id)).toEqual(ids.slice(0, 2));
    const rest = await store.after(Number(ids[1].slice(3)), 2, {});
    expect(rest.map(a => a.id)).toEqual([ids[2]]);
    expect((await store.after(0, 10, staffOnly)).map(a => a.id)).toEqual([
      ids[0],
      ids[2],
    ]);
  });

  it('keeps one known error per problem: a second one for the same problem is refused', async () => {
    const made = await store.insert({
      ...save(content()),
      originTicket: 'PRB-2026-00007',
    });
    expect((await store.getByOriginTicket('PRB-2026-00007'))?.id).toBe(made.id);
    // Not `rejects.toThrow()`: better-sqlite3's native addon is loaded once per
    // Jest worker and keeps the SqliteError class of the first test file that
    // loaded it. In any later file (the package or repo-wide run) the refusal
    // is an error of another realm, `instanceof Error` is false, and Jest
    // reports "did not throw" although the index refused the row.
    const refused: unknown = await store
      .insert({
        ...save(content({ title: '另一份' })),
        originTicket: 'PRB-2026-00007',
      })
      .then(
        () => 'saved',
        error => error,
      );
    expect(refused).not.toBe('saved');
    expect(String((refused as { message?: unknown }).message)).toMatch(
      /unique|duplicate/i,
    );
    // The refused insert left nothing behind, and other problems and
    // articles without a problem are not held back by the index.
    expect((await store.after(0, 10, {})).map(a => a.id)).toEqual([made.id]);
    await store.insert({ ...save(content()), originTicket: 'PRB-2026-00008' });
    await store.insert(save(content()));
    await store.insert(save(content()));
    expect(await store.after(0, 10, {})).toHaveLength(4);
    expect(await store.getByOriginTicket('PRB-2026-00009')).toBeUndefined();
  });

  it('claims a fact once', async () => {
    expect(await store.claim('examples-seeded', AT)).toBe(true);
    expect(await store.claim('examples-seeded', AT)).toBe(false);
  });
});
