import { mockServices } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { hanSuffixes, spellHan } from './chineseTerms';
import { ChineseLunrSearchEngine } from './ChineseLunrSearchEngine';
import { ChineseTermsDecoratorFactory } from './ChineseTermsDecoratorFactory';

const doc = (title: string, text: string, location: string): IndexableDocument => ({
  title,
  text,
  location,
});

describe('Chinese in Backstage search', () => {
  it('keeps the suffixes of each Han run, so any piece is the prefix of one', () => {
    expect(hanSuffixes('核心交换机 VRRP 主备')).toEqual([
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

  it('adds the terms to documents of every type, spelt for the engine', async () => {
    const documents = [doc('打印机卡纸', 'how to', '/kb/articles/KB-00001')];
    for (const [spelling, terms] of [
      ['han', '打印机卡纸 印机卡纸 机卡纸 卡纸 纸'],
      ['digits', hanSuffixes('打印机卡纸').map(spellHan).join(' ')],
    ] as const) {
      const decorator = await new ChineseTermsDecoratorFactory(spelling).getDecorator();
      const { documents: out } = await TestPipeline.fromDecorator(decorator)
        .withDocuments(documents)
        .execute();
      expect(out[0]).toMatchObject({ ...documents[0], chineseTerms: terms });
    }
  });

  async function engineWith(type: string, documents: IndexableDocument[]) {
    const engine = new ChineseLunrSearchEngine({ logger: mockServices.logger.mock() });
    const decorator = await new ChineseTermsDecoratorFactory('digits').getDecorator();
    const { documents: decorated } = await TestPipeline.fromDecorator(decorator)
      .withDocuments(documents)
      .execute();
    await TestPipeline.fromIndexer(await engine.getIndexer(type))
      .withDocuments(decorated)
      .execute();
    return async (term: string) =>
      (await engine.query({ term })).results.map(r => r.document.title);
  }

  it('finds 打印机 in an article whose body says 打印机卡纸, and English as Lunr does', async () => {
    const search = await engineWith('kb-article', [
      doc('院办公室打印机', '今天打印机卡纸了，请按下面处理。', '/kb/articles/KB-00001'),
      doc('核心交换机 1号 (综合楼核心机房)', 'Core switch, VRRP master', '/catalog/default/resource/core-switch-01'),
      doc('UPS on battery', 'Check the remaining runtime', '/kb/articles/KB-00002'),
    ]);
    expect(await search('打印机')).toEqual(['院办公室打印机']);
    expect(await search('卡纸')).toEqual(['院办公室打印机']);
    expect(await search('交换机')).toEqual(['核心交换机 1号 (综合楼核心机房)']);
    expect(await search('综合楼')).toEqual(['核心交换机 1号 (综合楼核心机房)']);
    expect(await search('机')).toEqual(
      expect.arrayContaining(['院办公室打印机', '核心交换机 1号 (综合楼核心机房)']),
    );
    expect(await search('runtime')).toEqual(['UPS on battery']);
    expect(await search('服务器')).toEqual([]);
  });
});
