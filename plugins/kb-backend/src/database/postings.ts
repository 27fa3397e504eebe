import { ArticleContent, articleText } from '@internal/plugin-kb-common';
import type { SearchAnalyzer } from '@internal/plugin-kb-node';

/** Where a term counts most: in the title, then the tags, then the text. */
const TERM_WEIGHTS = { title: 4, tags: 2, text: 1 } as const;

export interface Posting {
  readonly term: string;
  readonly weight: number;
}

/**
 * The inverted-index rows of an article: each distinct term once, weighted
 * by the fields it appears in (a title word that is also in the text counts
 * 4 + 1): the term frequency BM25 ranks by, with a title boost.
 */
export function postingsOf(
  content: ArticleContent,
  analyzer: SearchAnalyzer,
): Posting[] {
  const weights = new Map<string, number>();
  const add = (terms: Set<string>, weight: number) => {
    for (const term of terms) {
      weights.set(term, (weights.get(term) ?? 0) + weight);
    }
  };
  add(analyzer.indexTerms(content.title), TERM_WEIGHTS.title);
  add(analyzer.indexTerms(content.tags.join(' ')), TERM_WEIGHTS.tags);
  add(analyzer.indexTerms(articleText(content)), TERM_WEIGHTS.text);
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
