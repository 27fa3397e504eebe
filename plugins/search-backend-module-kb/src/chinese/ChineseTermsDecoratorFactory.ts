import { DecoratorBase } from '@backstage/plugin-search-backend-node';
import {
  DocumentDecoratorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import type { SearchAnalyzer } from '@internal/plugin-kb-node';
import { hanSuffixes, latinWords, spellHan } from './chineseTerms';

/** The field of every document that holds its analysed search terms. */
export const CHINESE_TERMS_FIELD = 'chineseTerms';

/**
 * How the engine in use wants the terms: PostgreSQL as they are, Lunr
 * spelt in digits (its pipeline deletes Han characters).
 */
export type ChineseTermsSpelling = 'han' | 'digits';

class ChineseTermsDecorator extends DecoratorBase {
  constructor(
    private readonly spelling: ChineseTermsSpelling,
    private readonly analyzer: SearchAnalyzer,
  ) {
    super();
  }

  async initialize() {}

  async finalize() {}

  async decorate(document: IndexableDocument): Promise<IndexableDocument> {
    const text = `${document.title}\n${document.text}`;
    const suffixes = hanSuffixes(text, this.analyzer);
    const terms = [
      ...(this.spelling === 'han' ? suffixes : suffixes.map(spellHan)),
      ...latinWords(text, this.analyzer),
    ];
    // Always set, even empty: Lunr takes an index's fields from its first document.
    const decorated: IndexableDocument & {
      [CHINESE_TERMS_FIELD]: string;
    } = { ...document, [CHINESE_TERMS_FIELD]: terms.join(' ') };
    return decorated;
  }
}

/**
 * Adds the analysed search terms to the documents of every type (articles,
 * and the catalog's Chinese device and system names alike).
 */
export class ChineseTermsDecoratorFactory implements DocumentDecoratorFactory {
  constructor(
    private readonly spelling: ChineseTermsSpelling,
    private readonly analyzer: SearchAnalyzer,
  ) {}

  async getDecorator() {
    return new ChineseTermsDecorator(this.spelling, this.analyzer);
  }
}
