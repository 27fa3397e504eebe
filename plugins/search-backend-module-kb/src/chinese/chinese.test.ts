import { mockServices } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { SearchAnalyzer } from '@internal/plugin-kb-node';
import { hanSuffixes, spellHan } from './chineseTerms';
import { ChineseLunrSearchEngine } from './ChineseLunrSearchEngine';
import { indexDecorated, titlesFound } from '../__testUtils__/indexDecorated';
import { ChineseTermsDecoratorFactory } from './ChineseTermsDecoratorFactory';

const doc = (
  title: string,
  text: string,
  location: string,
): IndexableDocument => ({
  title,
  text,
  location,
});

const analyzer = new SearchAnalyzer();

describe('Chinese in Backstage search', () => {
  it('keeps the suffixes of each Han run, so any piece is the prefix of one', () => {
    expect(hanSuffixes('核心交换机 VRRP 主备', analyzer)).toEqual([
      '核心交换机',
      '心交换机',
      '交换机',
      '换机',
      '机',
      '主备',
      '备',
    ]);
    expect(spellHan('打印')).toBe('zh025171021360');
    expect(spellHan('打印机').startsWith(spellHan('打印'))).toBe(true);
  });

  it('reads synonyms as their group’s first word in the suffixes', () => {
    expect(hanSuffixes('投影机没画面', analyzer)).toContain('投影仪无画面');
  });

  it('adds the terms to documents of every type, spelt for the engine', async () => {
    const documents = [doc('打印机卡纸', 'how to', '/kb/articles/KB-00001')];
    for (const [spelling, terms] of [
      ['han', '打印机卡纸 印机卡纸 机卡纸 卡纸 纸 how to'],
      [
        'digits',
        [
          ...hanSuffixes('打印机卡纸', analyzer).map(spellHan),
          'how',
          'to',
        ].join(' '),
      ],
    ] as const) {
      const decorator = await new ChineseTermsDecoratorFactory(
        spelling,
        analyzer,
      ).getDecorator();
      const { documents: out } = await TestPipeline.fromDecorator(decorator)
        .withDocuments(documents)
        .execute();
      expect(out[0]).toMatchObject({ ...documents[0], chineseTerms: terms });
    }
  });

  async function engineWith(type: string, documents: IndexableDocument[]) {
    const engine = new ChineseLunrSearchEngine({
      logger: mockServices.logger.mock(),
      analyzer,
    });
    await indexDecorated(engine, type, documents, 'digits', analyzer);
    return titlesFound(engine);
  }

  it('finds 打印机 in an article whose body says 打印机卡纸, and English as Lunr does', async () => {
    const search = await engineWith('kb-article', [
      doc(
        '院办公室打印机',
        '今天打印机卡纸了，请按下面处理。',
        '/kb/articles/KB-00001',
      ),
      doc(
        '核心交换机 1号 (综合楼核心机房)',
        'Core switch, VRRP master',
        '/catalog/default/resource/core-switch-01',
      ),
      doc(
        'UPS on battery',
        'Check the remaining runtime',
        '/kb/articles/KB-00002',
      ),
    ]);
    expect(await search('打印机')).toEqual(['院办公室打印机']);
    expect(await search('卡纸')).toEqual(['院办公室打印机']);
    expect(await search('交换机')).toEqual(['核心交换机 1号 (综合楼核心机房)']);
    expect(await search('综合楼')).toEqual(['核心交换机 1号 (综合楼核心机房)']);
    expect(await search('机')).toEqual(
      expect.arrayContaining([
        '院办公室打印机',
        '核心交换机 1号 (综合楼核心机房)',
      ]),
    );
    expect(await search('runtime')).toEqual(['UPS on battery']);
    expect(await search('服务器')).toEqual([]);
  });

  it('reads a query as the knowledge base does: folded, synonyms, filler dropped, typos of long words', async () => {
    const search = await engineWith('kb-article', [
      doc(
        'UPS 转电池供电处置',
        '市电中断后查看剩余时间',
        '/kb/articles/KB-00001',
      ),
      doc(
        'XSS found in the portal',
        'Report it to the PC team',
        '/kb/articles/KB-00002',
      ),
      doc('U disk and P drive', 'Mapping a share', '/kb/articles/KB-00003'),
      doc(
        '投影仪无信号、无画面的处理',
        '检查 HDMI 线',
        '/kb/articles/KB-00004',
      ),
      doc(
        'Nightly backup failed',
        'Check the disk space',
        '/kb/articles/KB-00005',
      ),
    ]);
    // Backstage's own translator found all four for UPS (prefix, two edits away).
    expect(await search('UPS')).toEqual(['UPS 转电池供电处置']);
    expect(await search('ＵＰＳ')).toEqual(['UPS 转电池供电处置']);
    expect((await search('投影机没有画面了怎么办'))[0]).toBe(
      '投影仪无信号、无画面的处理',
    );
    // Two edits away: a different word.
    expect(await search('bachop')).toEqual([]);
    expect(await search('bakup')).toEqual(['Nightly backup failed']);
    expect(await search('请问怎么办')).toEqual([]);
  });
});
