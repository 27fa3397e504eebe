import { oneEditAway } from '@internal/plugin-kb-common';
import { Knex } from 'knex';

/** A query term as searched: the term (corrected, if it was a typo) and its rarity. */
export interface SearchTerm {
  readonly term: string;
  readonly idf: number;
}

/** Candidate spellings per statement: under SQLite's 500 terms of a compound select. */
const CANDIDATES_CHUNK = 400;

const LATIN_WORD = /^[a-z0-9]+$/;

/**
 * How rare each query term is in the index (BM25's idf, from the postings),
 * with typos of Latin words corrected: a word of 4 letters or more that no
 * article contains becomes the indexed word one edit away that most
 * articles contain. Other terms no article contains are dropped: a wrong
 * Chinese character costs its word, the rest of the query still finds.
 */
export class TermStatistics {
  /**
   * Document frequencies already counted, valid while the articles' count
   * and newest id stay what they were (another replica's insert or delete
   * changes them) and this process saves nothing; an unknown term is never
   * kept, so a new word is found as soon as it is saved anywhere.
   */
  private cache = { key: '', frequencies: new Map<string, number>() };

  constructor(private readonly db: Knex) {}

  /** Forgets the counted frequencies: an article was saved or removed here. */
  clear(): void {
    this.cache = { key: '', frequencies: new Map() };
  }

  async weigh(terms: readonly string[]): Promise<SearchTerm[]> {
    if (terms.length === 0) return [];
    const [{ count, newest }] = await this.db('kb_articles')
      .count({ count: '*' })
      .max({ newest: 'id' });
    const articles = Number(count);
    const key = `${articles}:${newest}`;
    if (this.cache.key !== key) this.cache = { key, frequencies: new Map() };
    const known = this.cache.frequencies;
    const missing = terms.filter(term => !known.has(term));
    if (missing.length > 0) {
      for (const [term, df] of await this.documentFrequencies(missing)) {
        known.set(term, df);
      }
    }
    const frequencies = known;
    const weighed = new Map<string, number>();
    for (const term of terms) {
      let df = frequencies.get(term) ?? 0;
      let found = term;
      if (df === 0 && LATIN_WORD.test(term)) {
        const corrected = await this.closest(term);
        if (corrected) [found, df] = corrected;
      }
      if (df > 0 && !weighed.has(found)) weighed.set(found, idf(df, articles));
    }
    return [...weighed].map(([term, weight]) => ({ term, idf: weight }));
  }

  /** In how many articles each term is: one index-only scan of the terms' rows. */
  private async documentFrequencies(
    terms: readonly string[],
  ): Promise<Map<string, number>> {
    const rows: { term: string; df: number | string }[] = await this.db(
      'kb_postings',
    )
      .select('term')
      .count({ df: '*' })
      .whereIn('term', [...terms])
      .groupBy('term');
    return new Map(rows.map(row => [row.term, Number(row.df)]));
  }

  /** The indexed word one edit away in most articles, if any. */
  private async closest(word: string): Promise<[string, number] | undefined> {
    const candidates = oneEditAway(word);
    const indexed: string[] = [];
    for (let i = 0; i < candidates.length; i += CANDIDATES_CHUNK) {
      indexed.push(
        ...(await this.indexedOf(candidates.slice(i, i + CANDIDATES_CHUNK))),
      );
    }
    if (indexed.length === 0) return undefined;
    let best: [string, number] | undefined;
    for (const [term, df] of await this.documentFrequencies(indexed)) {
      if (!best || df > best[1] || (df === best[1] && term < best[0])) {
        best = [term, df];
      }
    }
    return best;
  }

  /**
   * Which of the spellings some article contains: one index probe each that
   * stops at the first posting. Counting them all instead read every posting
   * of the common word among them (printer: 12,000 rows), and PostgreSQL
   * planned 400 values in an IN list as a scan of the whole table.
   */
  private async indexedOf(spellings: readonly string[]): Promise<string[]> {
    const rows: { term: string }[] = await this.db
      .select('spelling.term')
      .from(
        this.db.raw(
          `(${spellings
            .map(() => 'select ? as term')
            .join(' union all ')}) as spelling`,
          [...spellings],
        ),
      )
      .whereExists(
        this.db('kb_postings')
          .select(this.db.raw('1'))
          .whereRaw('kb_postings.term = spelling.term'),
      );
    return rows.map(row => row.term);
  }
}

/** BM25's inverse document frequency: rare terms weigh most, never below zero. */
export function idf(documentFrequency: number, articles: number): number {
  return Math.log(
    1 + (articles - documentFrequency + 0.5) / (documentFrequency + 0.5),
  );
}
