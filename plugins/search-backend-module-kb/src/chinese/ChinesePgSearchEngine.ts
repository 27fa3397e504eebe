import {
  DatabaseService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  PgSearchEngine,
  PgSearchQueryTranslator,
} from '@backstage/plugin-search-backend-module-pg';
import {
  SearchEngine,
  QueryTranslator,
} from '@backstage/plugin-search-backend-node';
import {
  IndexableResultSet,
  SearchQuery,
} from '@backstage/plugin-search-common';
import { TYPO_MIN_LENGTH } from '@internal/plugin-kb-common';
import type { AnalysedWord, SearchAnalyzer } from '@internal/plugin-kb-node';
import { MAX_SUFFIX } from './chineseTerms';

/**
 * The tsquery for a question's words, any of them (as on Lunr): a Han word
 * as the prefix of a lexeme (the documents carry the suffixes of their Han
 * runs, so any piece of a run is the prefix of one), a Latin word of 1–3
 * letters as itself (Backstage's default also matched it as a prefix: UPS,
 * stemmed up, also found update), a longer one also as a prefix.
 * PostgreSQL's ranking puts the document sharing most of them first.
 */
export function pgTermOf(words: readonly AnalysedWord[]): string {
  const operands = new Set<string>();
  for (const word of words) {
    // The analysis yields letters and digits; anything else is dropped all
    // the same, so no query reaches to_tsquery's syntax.
    const chars = [...word.text.replace(/[^\p{L}\p{N}]/gu, '')];
    if (chars.length === 0) continue;
    if (word.han) {
      operands.add(`'${chars.slice(0, MAX_SUFFIX).join('')}':*`);
    } else if (chars.length >= TYPO_MIN_LENGTH) {
      operands.add(`'${chars.join('')}':*`);
    } else {
      operands.add(`'${chars.join('')}'`);
    }
  }
  return [...operands].join(' | ');
}

/**
 * A translator that reads the query as the knowledge base does (folded,
 * synonyms as their group's first word, filler dropped, Chinese cut into
 * words) and leaves filters, types and paging to the engine's own.
 */
export function chinesePgTranslator(
  analyzer: SearchAnalyzer,
  base: PgSearchQueryTranslator,
): PgSearchQueryTranslator {
  return (query, options) => {
    const translated = base({ ...query, term: '' }, options);
    const pgTerm = pgTermOf(analyzer.queryWords(query.term));
    return {
      ...translated,
      pgQuery: { ...translated.pgQuery, pgTerm: pgTerm || undefined },
    };
  };
}

/**
 * search-backend-module-pg's engine (to_tsvector over the documents in
 * PostgreSQL) with the knowledge base's analysis of the query. That module
 * offers no extension point for its translator, so this module registers
 * the engine itself on PostgreSQL, in its place.
 */
export class ChinesePgSearchEngine implements SearchEngine {
  static async fromConfig(
    config: RootConfigService,
    options: {
      database: DatabaseService;
      logger: LoggerService;
      analyzer: SearchAnalyzer;
    },
  ): Promise<ChinesePgSearchEngine> {
    const engine = await PgSearchEngine.fromConfig(config, options);
    return new ChinesePgSearchEngine(engine, options.analyzer);
  }

  private constructor(
    private readonly engine: PgSearchEngine,
    private readonly analyzer: SearchAnalyzer,
  ) {
    engine.setTranslator(
      chinesePgTranslator(analyzer, engine.translator.bind(engine)),
    );
  }

  /** Replaces the analysis too: a translator set here is given the pg engine's options. */
  setTranslator(translator: QueryTranslator): void {
    // The engine calls it with (query, options); the interface's type names only the query.
    this.engine.setTranslator(translator as PgSearchQueryTranslator);
  }

  getIndexer(type: string) {
    return this.engine.getIndexer(type);
  }

  /**
   * A question of filler alone (请问怎么办) asks for nothing: without a
   * term the engine would answer with every document.
   */
  async query(query: SearchQuery): Promise<IndexableResultSet> {
    if (query.term.trim() && this.analyzer.queryWords(query.term).length === 0) {
      return { results: [], numberOfResults: 0 };
    }
    return this.engine.query(query);
  }
}
