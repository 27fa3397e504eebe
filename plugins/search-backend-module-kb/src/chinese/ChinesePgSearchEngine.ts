import { performance } from 'node:perf_hooks';
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
import { oneEditAway, TYPO_MIN_LENGTH } from '@internal/plugin-kb-common';
import type { AnalysedWord, SearchAnalyzer } from '@internal/plugin-kb-node';
import { MAX_SUFFIX } from './chineseTerms';

/**
 * The tsquery for a question's words, any of them (as on Lunr): a Han word
 * as the prefix of a lexeme (the documents carry the suffixes of their Han
 * runs, so any piece of a run is the prefix of one), a Latin word of 1–3
 * letters as itself (Backstage's default also matched it as a prefix: UPS,
 * stemmed up, also found update), a longer one also as a prefix and by the
 * indexed words one typo away from it (`corrections`).
 * PostgreSQL's ranking puts the document sharing most of them first.
 */
export function pgTermOf(
  words: readonly AnalysedWord[],
  corrections: (word: string) => readonly string[] = () => [],
): string {
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
      for (const correction of corrections(chars.join(''))) {
        operands.add(`'${correction}'`);
      }
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
  corrections?: (word: string) => readonly string[],
): PgSearchQueryTranslator {
  return (query, options) => {
    const translated = base({ ...query, term: '' }, options);
    const pgTerm = pgTermOf(analyzer.queryWords(query.term), corrections);
    return {
      ...translated,
      pgQuery: { ...translated.pgQuery, pgTerm: pgTerm || undefined },
    };
  };
}

type SearchDatabase = Awaited<ReturnType<DatabaseService['getClient']>>;

/** How long the lexicon is used before it is read again (in the background). */
const LEXICON_MAX_AGE_MS = 10 * 60_000;

/**
 * The indexed documents' Latin lexemes of 4 letters or more, so that a word
 * no document contains (swtich) is also asked for as the indexed words one
 * edit away (switch): tsquery has no edit distance. Read from the index with
 * ts_stat, at the first query and again once it is older than
 * {@link LEXICON_MAX_AGE_MS} or this replica has indexed.
 */
export class LatinLexicon {
  private words: ReadonlySet<string> = new Set();
  private sorted: readonly string[] = [];
  /** Monotonic milliseconds of the last read: a cache age, not the court's time. */
  private readAt?: number;
  private reading?: Promise<void>;

  constructor(
    private readonly knex: SearchDatabase,
    private readonly logger: LoggerService,
  ) {}

  /** Resolves once a lexicon has been read; a stale one is used while it is read again. */
  async ready(): Promise<void> {
    const stale =
      this.readAt === undefined ||
      performance.now() - this.readAt > LEXICON_MAX_AGE_MS;
    if (stale && !this.reading) {
      this.reading = this.read().finally(() => {
        this.reading = undefined;
      });
    }
    if (this.readAt === undefined) await this.reading;
  }

  expire(): void {
    this.readAt = this.readAt === undefined ? undefined : -Infinity;
  }

  /** The indexed words one edit from `word`, when no indexed word starts with it. */
  corrections(word: string): string[] {
    if (this.startsSomeWord(word)) return [];
    return oneEditAway(word).filter(variant => this.words.has(variant));
  }

  private startsSomeWord(prefix: string): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return this.sorted[low]?.startsWith(prefix) ?? false;
  }

  private async read(): Promise<void> {
    try {
      const rows: { word: string }[] = await this.knex
        .select('word')
        .from(this.knex.raw(`ts_stat('SELECT body FROM documents')`))
        .whereRaw(`word ~ ?`, [`^[a-z0-9]{${TYPO_MIN_LENGTH},}$`]);
      const words = rows.map(row => row.word).sort();
      this.words = new Set(words);
      this.sorted = words;
      this.readAt = performance.now();
    } catch (error) {
      // Without it a typo finds nothing, as before; the search itself still works.
      this.logger.warn(`Could not read the search index's words: ${error}`);
      this.readAt ??= performance.now();
    }
  }
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
    const lexicon = new LatinLexicon(
      await options.database.getClient(),
      options.logger,
    );
    return new ChinesePgSearchEngine(engine, options.analyzer, lexicon);
  }

  private constructor(
    private readonly engine: PgSearchEngine,
    private readonly analyzer: SearchAnalyzer,
    private readonly lexicon: LatinLexicon,
  ) {
    engine.setTranslator(
      chinesePgTranslator(analyzer, engine.translator.bind(engine), word =>
        lexicon.corrections(word),
      ),
    );
  }

  /** Replaces the analysis too: a translator set here is given the pg engine's options. */
  setTranslator(translator: QueryTranslator): void {
    // The engine calls it with (query, options); the interface's type names only the query.
    this.engine.setTranslator(translator as PgSearchQueryTranslator);
  }

  async getIndexer(type: string) {
    const indexer = await this.engine.getIndexer(type);
    // What this replica just indexed is corrected towards at once; the
    // others read it when their lexicon is next refreshed.
    indexer.on('close', () => this.lexicon.expire());
    return indexer;
  }

  /**
   * A question of filler alone (请问怎么办) asks for nothing: without a
   * term the engine would answer with every document.
   */
  async query(query: SearchQuery): Promise<IndexableResultSet> {
    if (
      query.term.trim() &&
      this.analyzer.queryWords(query.term).length === 0
    ) {
      return { results: [], numberOfResults: 0 };
    }
    await this.lexicon.ready();
    return this.engine.query(query);
  }
}
