import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConcreteLunrQuery,
  LunrQueryTranslator,
  LunrSearchEngine,
} from '@backstage/plugin-search-backend-node';
import {
  IndexableResultSet,
  SearchQuery,
} from '@backstage/plugin-search-common';
import { TYPO_MIN_LENGTH } from '@internal/plugin-kb-common';
import type { SearchAnalyzer } from '@internal/plugin-kb-node';
import { MAX_SUFFIX, spellHan } from './chineseTerms';
import { CHINESE_TERMS_FIELD } from './ChineseTermsDecoratorFactory';

type LunrQuery = Parameters<ConcreteLunrQuery['lunrQueryBuilder']>[0];

/** lunr.Query.wildcard.TRAILING, without a dependency on lunr for one number. */
const TRAILING = 2;

/**
 * Backstage's in-memory Lunr engine (the embedded default's, on SQLite),
 * with the knowledge base's analysis of the query: folded (ＵＰＳ → ups),
 * synonyms read as their group's first word, filler dropped, Chinese cut
 * into words. Each Han word is looked for, spelt as the decorator spells
 * the documents' suffixes, as a prefix; each Latin word as Lunr does, except
 * that a word of 1–3 letters matches only itself (Backstage's default
 * also matches it as a prefix and two edits away: UPS found XSS, PC, U and
 * P), and a longer one also one edit away. Filters and paging go to Lunr's
 * own translator.
 */
export class ChineseLunrSearchEngine extends LunrSearchEngine {
  private readonly analyzer: SearchAnalyzer;

  constructor(options: { logger: LoggerService; analyzer: SearchAnalyzer }) {
    super(options);
    const { analyzer } = options;
    this.analyzer = analyzer;
    const lunrTranslator = this.translator as LunrQueryTranslator;
    this.translator = (query: SearchQuery): ConcreteLunrQuery => {
      const translated = lunrTranslator({ ...query, term: '' });
      const words = analyzer.queryWords(query.term);
      return {
        ...translated,
        lunrQueryBuilder: (q: LunrQuery) => {
          translated.lunrQueryBuilder.call(q, q);
          const analysed = q.allFields.includes(CHINESE_TERMS_FIELD);
          for (const word of words) {
            if (word.han) {
              if (!analysed) continue;
              // A longer word than the suffixes kept is looked for by its start.
              const start = [...word.text].slice(0, MAX_SUFFIX).join('');
              q.term(spellHan(start), {
                fields: [CHINESE_TERMS_FIELD],
                wildcard: TRAILING,
                usePipeline: false,
                boost: 10,
              });
              continue;
            }
            q.term(word.text, { usePipeline: true, boost: 100 });
            if ([...word.text].length >= TYPO_MIN_LENGTH) {
              q.term(word.text, {
                usePipeline: false,
                wildcard: TRAILING,
                boost: 10,
              });
              q.term(word.text, {
                usePipeline: false,
                editDistance: 1,
                boost: 1,
              });
            }
          }
        },
      };
    };
  }

  /**
   * A question of filler alone (请问怎么办) asks for nothing: Lunr would
   * answer an empty query with every document.
   */
  async query(query: SearchQuery): Promise<IndexableResultSet> {
    if (
      query.term.trim() &&
      this.analyzer.queryWords(query.term).length === 0
    ) {
      return { results: [] };
    }
    return super.query(query);
  }
}
