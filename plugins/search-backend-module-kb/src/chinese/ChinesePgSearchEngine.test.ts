import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import { SearchEngine } from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import fc from 'fast-check';
import { SearchAnalyzer } from '@internal/plugin-kb-node';
import { ChinesePgSearchEngine, pgTermOf } from './ChinesePgSearchEngine';
import { indexDecorated, titlesFound } from '../__testUtils__/indexDecorated';

jest.setTimeout(60_000);

// The pg engine exists on PostgreSQL only: SQLite has the Lunr one (chinese.test.ts).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});

const analyzer = new SearchAnalyzer();

const doc = (
  title: string,
  text: string,
  location: string,
): IndexableDocument => ({
  title,
  text,
  location,
});

const ARTICLES = [
  doc(
    '投影仪无信号、无画面的处理',
    '检查 HDMI 线和信号源',
    '/kb/articles/KB-00001',
  ),
  doc('UPS 转电池供电处置', '市电中断后查看剩余时间', '/kb/articles/KB-00002'),
  doc('网络中断的处置', '检查交换机上联口', '/kb/articles/KB-00003'),
  doc(
    'Software update for the office PCs',
    'Install the monthly patches',
    '/kb/articles/KB-00004',
  ),
  doc('Nightly backup failed', 'Check the disk space', '/kb/articles/KB-00005'),
];

const ENTITIES = [
  doc(
    'core-switch-01',
    'Core switch, VRRP master',
    '/catalog/default/resource/core-switch-01',
  ),
  doc(
    '审判庭录像系统',
    'Courtroom recording',
    '/catalog/default/system/court-recording',
  ),
];

/** Indexes the documents, decorated as the module does on PostgreSQL, through the engine. */
async function indexInto(engine: SearchEngine) {
  for (const [type, documents] of [
    ['kb-article', ARTICLES],
    ['software-catalog', ENTITIES],
  ] as const) {
    await indexDecorated(engine, type, documents, 'han', analyzer);
  }
  return titlesFound(engine);
}

describe('Backstage search on PostgreSQL with the kb analysis', () => {
  it('asks for any word: Han words and long Latin words as prefixes, short Latin words as themselves', () => {
    expect(pgTermOf(analyzer.queryWords('投影仪没有画面了怎么办'))).toBe(
      "'投影仪':* | '无':* | '画面':*",
    );
    expect(pgTermOf(analyzer.queryWords('ＵＰＳ backup'))).toBe(
      "'ups' | 'backup':*",
    );
    // A long Latin word also as the indexed words one typo away, a short one never.
    const corrections = (word: string) => (word === 'swtich' ? ['switch'] : []);
    expect(pgTermOf(analyzer.queryWords('swtich UPS'), corrections)).toBe(
      "'swtich':* | 'switch' | 'ups'",
    );
    // No operator of to_tsquery survives: the analysis yields letters and digits only.
    expect(pgTermOf(analyzer.queryWords("a' | b:* & !c (打印机)"))).toBe(
      "'打印机':*",
    );
  });

  it.each(databases.eachSupportedId())(
    'turns any query into a tsquery PostgreSQL accepts, of quoted letters and digits only, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const operand = String.raw`'[\p{L}\p{N}]+'(:\*)?`;
      const shape = new RegExp(`^(${operand}( \\| ${operand})*)?$`, 'u');
      const query = fc.stringMatching(
        /^[a-zＡ-Ｚ0-9打印机投影仪没有画面了怎么办 '"|&!:*()<\\-]{0,20}$/,
      );
      await fc.assert(
        fc.asyncProperty(query, async term => {
          const pgTerm = pgTermOf(analyzer.queryWords(term));
          expect(pgTerm).toMatch(shape);
          if (pgTerm)
            await knex.raw(`select to_tsquery('english', ?)`, [pgTerm]);
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'finds sentences, synonyms and full-width letters, and catalog names still, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const config = mockServices.rootConfig();
      const engine = await ChinesePgSearchEngine.fromConfig(config, {
        database,
        logger: mockServices.logger.mock(),
        analyzer,
      });
      const search = await indexInto(engine);

      expect((await search('投影仪没有画面了怎么办'))[0]).toBe(
        '投影仪无信号、无画面的处理',
      );
      expect((await search('投影机没画面'))[0]).toBe(
        '投影仪无信号、无画面的处理',
      );
      // 断网 is the table's other word for 网络中断; the article never says it.
      expect(await search('断网了怎么办')).toEqual(['网络中断的处置']);
      expect(await search('ＵＰＳ')).toEqual(['UPS 转电池供电处置']);
      // Not update (stemmed updat, of which up is a prefix) nor PCs.
      expect(await search('UPS')).toEqual(['UPS 转电池供电处置']);
      expect(await search('bac')).toEqual([]);
      expect(await search('backu')).toEqual(['Nightly backup failed']);
      expect(await search('core-switch-01')).toEqual(['core-switch-01']);
      expect(await search('VRRP')).toEqual(['core-switch-01']);
      expect(await search('录像')).toEqual(['审判庭录像系统']);
      expect(await search('请问怎么办')).toEqual([]);
      // One typo in a Latin word of 4 letters or more: swapped, missing, wrong, extra.
      expect(await search('swtich')).toEqual(['core-switch-01']);
      expect(await search('bakup')).toEqual(['Nightly backup failed']);
      expect(await search('VRRQ')).toEqual(['core-switch-01']);
      expect(await search('diskk')).toEqual(['Nightly backup failed']);
      // Two typos, or a 1–3 letter term, are not corrected (UPT is not UPS).
      expect(await search('swtihc')).toEqual([]);
      expect(await search('UPT')).toEqual([]);
      // Filters and paging are still the engine's own.
      const catalogOnly = await engine.query({
        term: '处置 录像',
        types: ['software-catalog'],
      });
      expect(catalogOnly.results.map(r => r.document.title)).toEqual([
        '审判庭录像系统',
      ]);
      const firstPage = await engine.query({ term: '处置', pageLimit: 1 });
      expect(firstPage.results).toHaveLength(1);
      expect(firstPage.numberOfResults).toBe(2);
      expect(firstPage.nextPageCursor).toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'shows the gap it closes: the pg engine’s own translator finds none of these on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const engine = await PgSearchEngine.fromConfig(
        mockServices.rootConfig(),
        {
          database: mockServices.database({ knex }),
        },
      );
      const search = await indexInto(engine);

      expect(await search('投影仪没有画面了怎么办')).toEqual([]);
      expect(await search('断网了怎么办')).toEqual([]);
      expect(await search('ＵＰＳ')).toEqual([]);
      expect(await search('UPS')).toEqual(
        expect.arrayContaining([
          'UPS 转电池供电处置',
          'Software update for the office PCs',
        ]),
      );
      expect(await search('core-switch-01')).toEqual(['core-switch-01']);
      expect(await search('swtich')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'corrects towards what this replica has just indexed, at once, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const engine = await ChinesePgSearchEngine.fromConfig(
        mockServices.rootConfig(),
        {
          database: mockServices.database({ knex }),
          logger: mockServices.logger.mock(),
          analyzer,
        },
      );
      // The lexicon is first read from an empty index.
      expect((await engine.query({ term: 'swtich' })).results).toEqual([]);
      const search = await indexInto(engine);
      // Expired by the indexing: read again in the background, used from the next query.
      await search('swtich');
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(await search('swtich')).toEqual(['core-switch-01']);
    },
  );
});
