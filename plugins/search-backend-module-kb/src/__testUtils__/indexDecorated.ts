import {
  SearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { SearchAnalyzer } from '@internal/plugin-kb-node';
import { ChineseTermsDecoratorFactory } from '../chinese/ChineseTermsDecoratorFactory';

/**
 * Indexes `documents` as `type` through `engine`, decorated with the Chinese terms as the module
 * does on that database (`han` on PostgreSQL, `digits` on Lunr).
 */
export async function indexDecorated(
  engine: SearchEngine,
  type: string,
  documents: IndexableDocument[],
  spelling: 'han' | 'digits',
  analyzer: SearchAnalyzer,
): Promise<void> {
  // A decorator is a stream: one per run.
  const decorator = await new ChineseTermsDecoratorFactory(
    spelling,
    analyzer,
  ).getDecorator();
  const { documents: decorated } = await TestPipeline.fromDecorator(decorator)
    .withDocuments(documents)
    .execute();
  await TestPipeline.fromIndexer(await engine.getIndexer(type))
    .withDocuments(decorated)
    .execute();
}

/** The titles a query finds, in the engine's order. */
export const titlesFound =
  (engine: SearchEngine) =>
  async (term: string): Promise<string[]> =>
    (await engine.query({ term })).results.map(r => r.document.title);
