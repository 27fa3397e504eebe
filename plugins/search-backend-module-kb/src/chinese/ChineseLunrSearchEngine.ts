import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConcreteLunrQuery,
  LunrQueryTranslator,
  LunrSearchEngine,
} from '@backstage/plugin-search-backend-node';
import { SearchQuery } from '@backstage/plugin-search-common';
import { hanRuns, MAX_SUFFIX, spellHan } from './chineseTerms';
import { CHINESE_TERMS_FIELD } from './ChineseTermsDecoratorFactory';

type LunrQuery = Parameters<ConcreteLunrQuery['lunrQueryBuilder']>[0];

/** lunr.Query.wildcard.TRAILING, without a dependency on lunr for one number. */
const TRAILING = 2;

/**
 * Backstage's in-memory Lunr engine (the embedded default's, on SQLite),
 * which also looks for the Chinese in a query: each Han run of the query,
 * spelt as the decorator spells the documents' suffixes, as a prefix. The
 * rest of the query, and filters, go to Lunr as they are.
 */
export class ChineseLunrSearchEngine extends LunrSearchEngine {
  constructor(options: { logger: LoggerService }) {
    super(options);
    const lunrTranslator = this.translator as LunrQueryTranslator;
    this.translator = (query: SearchQuery): ConcreteLunrQuery => {
      // Lunr matches the rest of the query; left to it, the Han part would
      // only add fuzzy matches of the whole run against everything.
      const translated = lunrTranslator({
        ...query,
        term: query.term.replace(/\p{Script=Han}+/gu, ' ').trim(),
      });
      const runs = hanRuns(query.term).map(run =>
        // A longer run than the suffixes kept is looked for by its start.
        [...run].slice(0, MAX_SUFFIX).join(''),
      );
      return {
        ...translated,
        lunrQueryBuilder: (q: LunrQuery) => {
          translated.lunrQueryBuilder.call(q, q);
          if (!q.allFields.includes(CHINESE_TERMS_FIELD)) return;
          for (const run of runs) {
            q.term(spellHan(run), {
              fields: [CHINESE_TERMS_FIELD],
              wildcard: TRAILING,
              usePipeline: false,
              boost: 10,
            });
          }
        },
      };
    };
  }
}
