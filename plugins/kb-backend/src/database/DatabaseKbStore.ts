import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import {
  ARTICLE_KINDS,
  Article,
  ArticleContent,
  ArticleKind,
  ArticleLanguage,
  ArticleVersion,
  ArticleVersionInfo,
  formatArticleId,
  KindCounts,
  KnownErrorSections,
  parseArticleId,
} from '@internal/plugin-kb-common';
import { Knex } from 'knex';
import { ArticleQueryFilter, SearchAnalyzer } from '@internal/plugin-kb-node';
import { postingsOf } from './postings';
import { SearchTerm, TermStatistics } from './TermStatistics';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-kb-backend',
  'migrations',
);

/** An article as stored: a file-kept one knows its path and content hash. */
export interface StoredArticle extends Omit<Article, 'source'> {
  readonly sourcePath?: string;
  readonly sourceHash?: string;
}

/** A new article, or a new version of one: who saved what, when. */
export interface ArticleSave {
  readonly content: ArticleContent;
  readonly actor: string;
  readonly at: string;
  /** For a restore: the version brought back. */
  readonly restoredFrom?: number;
  /** For a file-kept article: where it lives and what it hashed to. */
  readonly source?: { readonly path: string; readonly hash: string };
  /** For a known error made from a problem ticket. */
  readonly originTicket?: string;
}

/** Narrowing of a list or a search, beyond the caller's access. */
export interface ArticleFilter {
  readonly kinds?: readonly ArticleKind[];
  /** Articles linked to any of these entities. */
  readonly entityRefs?: readonly string[];
  readonly language?: ArticleLanguage;
  /** From a conditional permission decision; undefined: everything. */
  readonly access?: PermissionCriteria<ArticleQueryFilter>;
}

export interface StoredArticlePage {
  readonly items: readonly (StoredArticle & { readonly score?: number })[];
  readonly total: number;
}

/** A search's page, and how many of its matches are of each kind (whatever kind was asked). */
export interface StoredSearchPage extends StoredArticlePage {
  readonly kinds: KindCounts;
}

/**
 * Share of a query's weight (the sum of its terms' idf) an article must
 * match: half, so a question worded otherwise still finds its article,
 * while one shared common word (系统, 电脑) does not make a match. A query
 * of one or two terms needs them all.
 */
const SEARCH_MIN_SHARE = 0.5;

/** BM25's term-frequency saturation; the frequency is the field-weighted one (title 4). */
const BM25_K1 = 2;

interface ArticleRow {
  id: number;
  kind: ArticleKind;
  title: string;
  tags: string;
  language: ArticleLanguage;
  visibility: 'public' | 'internal';
  owner: string;
  source_path: string | null;
  source_hash: string | null;
  origin_ticket: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  known_error: string | null;
  body: string;
}

interface VersionRow {
  article_id: number;
  version: number;
  author: string;
  at: string;
  restored_from: number | null;
  from_file: boolean | number;
  content: string;
}

/** The column of each access property, on articles and postings alike. */
const ACCESS_COLUMNS: Record<ArticleQueryFilter['property'], string> = {
  visibility: 'visibility',
};

/** Postings per insert statement: 6 bindings each, well under SQLite's limit. */
const POSTINGS_CHUNK = 150;

/**
 * Articles, their versions and the search index, in the plugin's own
 * database (SQLite or PostgreSQL). Every save is one transaction: the row's
 * version is checked and bumped, the version appended, links and postings
 * rewritten together, so a search never sees half an article.
 */
export class DatabaseKbStore {
  private readonly statistics: TermStatistics;

  private constructor(
    private readonly db: Knex,
    private readonly analyzer: SearchAnalyzer,
  ) {
    this.statistics = new TermStatistics(db);
  }

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    analyzer?: SearchAnalyzer;
  }): Promise<DatabaseKbStore> {
    return DatabaseKbStore.fromKnex(await options.database.getClient(), {
      skipMigrations: options.skipMigrations,
      analyzer: options.analyzer,
    });
  }

  /** @param options.analyzer the search analysis; default the court's synonyms */
  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean; analyzer?: SearchAnalyzer } = {},
  ): Promise<DatabaseKbStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseKbStore(db, options.analyzer ?? new SearchAnalyzer());
  }

  /** A transaction that changes the index: the counted term frequencies are stale after it. */
  private async written<T>(
    work: (trx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.db.transaction(work);
    } finally {
      this.statistics.clear();
    }
  }

  /** The analysis the index is built with: the service asks it for a query's terms. */
  get searchAnalyzer(): SearchAnalyzer {
    return this.analyzer;
  }

  /**
   * Rebuilds every article's postings when the index was built by another
   * analysis (code or synonym table changed; `kb_meta` remembers which), a
   * batch of articles per transaction. Returns how many were reindexed.
   */
  async reindexIfAnalysisChanged(batch = 200): Promise<number> {
    const key = 'search-analysis';
    const { fingerprint } = this.analyzer;
    const current = await this.db('kb_meta').where({ key }).first('value');
    if (current?.value === fingerprint) return 0;
    let reindexed = 0;
    for (let after = 0; ; ) {
      // Read and rewritten in one transaction, so a save meanwhile is not
      // overwritten with the postings of the version before it.
      const done: number[] = await this.written(async trx => {
        const rows: ArticleRow[] = await trx('kb_articles')
          .where('id', '>', after)
          .orderBy('id')
          .limit(batch);
        for (const row of rows) {
          // Postings come from the content alone; links are not indexed.
          const content = toArticle(row, [], []);
          await trx('kb_postings').where({ article_id: row.id }).delete();
          await writePostings(trx, row.id, content, this.analyzer);
        }
        return rows.map(row => row.id);
      });
      if (done.length === 0) break;
      reindexed += done.length;
      after = done[done.length - 1];
    }
    await this.db('kb_meta')
      .insert({ key, value: fingerprint })
      .onConflict('key')
      .merge();
    return reindexed;
  }

  async insert(save: ArticleSave): Promise<StoredArticle> {
    return this.written(async trx => {
      const { content, actor, at } = save;
      const [inserted] = await trx('kb_articles')
        .insert({
          ...contentColumns(content),
          source_path: save.source?.path ?? null,
          source_hash: save.source?.hash ?? null,
          origin_ticket: save.originTicket ?? null,
          version: 1,
          created_at: at,
          created_by: actor,
          updated_at: at,
          updated_by: actor,
        })
        .returning('id');
      const seq = typeof inserted === 'object' ? inserted.id : inserted;
      await writeDerived(trx, seq, save, 1, this.analyzer);
      return (await this.load(trx, [seq]))[0];
    });
  }

  /**
   * Saves a new version made from `expectedVersion`: a stale version changes
   * nothing and throws ConflictError (409).
   */
  async update(
    id: string,
    expectedVersion: number,
    save: ArticleSave,
  ): Promise<StoredArticle> {
    const seq = parseArticleId(id);
    if (seq === undefined) throw new NotFoundError(`no article ${id}`);
    return this.written(async trx => {
      const changed = await trx('kb_articles')
        .where({ id: seq, version: expectedVersion })
        .update({
          ...contentColumns(save.content),
          ...(save.source ? { source_hash: save.source.hash } : {}),
          version: expectedVersion + 1,
          updated_at: save.at,
          updated_by: save.actor,
        });
      if (changed === 0) {
        const current = await trx('kb_articles')
          .where({ id: seq })
          .first('version');
        if (!current) throw new NotFoundError(`no article ${id}`);
        throw new ConflictError(
          `article ${id} was saved by someone else meanwhile: it is at version ${current.version}, this change was made to version ${expectedVersion}`,
        );
      }
      await trx('kb_article_entities').where({ article_id: seq }).delete();
      await trx('kb_article_tickets').where({ article_id: seq }).delete();
      await trx('kb_postings').where({ article_id: seq }).delete();
      await writeDerived(trx, seq, save, expectedVersion + 1, this.analyzer);
      return (await this.load(trx, [seq]))[0];
    });
  }

  /** Removes an article and everything about it (a runbook file that is gone). */
  async delete(id: string): Promise<void> {
    const seq = parseArticleId(id);
    if (seq === undefined) return;
    await this.written(async trx => {
      for (const table of [
        'kb_postings',
        'kb_article_entities',
        'kb_article_tickets',
        'kb_article_versions',
      ]) {
        await trx(table).where({ article_id: seq }).delete();
      }
      await trx('kb_articles').where({ id: seq }).delete();
    });
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const seq = parseArticleId(id);
    if (seq === undefined) return undefined;
    return (await this.load(this.db, [seq]))[0];
  }

  /** Found articles in the order asked; unknown ids are left out. */
  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    const seqs = ids
      .map(parseArticleId)
      .filter((seq): seq is number => seq !== undefined);
    return this.load(this.db, seqs);
  }

  /** The known error made from a problem ticket, if any. */
  async getByOriginTicket(ticket: string): Promise<StoredArticle | undefined> {
    const row = await this.db('kb_articles')
      .where({ origin_ticket: ticket })
      .first('id');
    return row ? (await this.load(this.db, [row.id]))[0] : undefined;
  }

  /** The file-kept articles: path, id and hash of the file as last synced. */
  async fileArticles(): Promise<
    { id: string; path: string; hash: string; version: number }[]
  > {
    const rows = await this.db('kb_articles')
      .whereNotNull('source_path')
      .select('id', 'source_path', 'source_hash', 'version');
    return rows.map(row => ({
      id: formatArticleId(row.id),
      path: row.source_path,
      hash: row.source_hash ?? '',
      version: row.version,
    }));
  }

  async versions(id: string): Promise<ArticleVersionInfo[]> {
    const seq = parseArticleId(id);
    if (seq === undefined) return [];
    const rows: VersionRow[] = await this.db('kb_article_versions')
      .where({ article_id: seq })
      .orderBy('version', 'desc')
      .select(
        'article_id',
        'version',
        'author',
        'at',
        'restored_from',
        'from_file',
      );
    return rows.map(versionInfo);
  }

  async version(
    id: string,
    version: number,
  ): Promise<ArticleVersion | undefined> {
    const seq = parseArticleId(id);
    if (seq === undefined) return undefined;
    const row: VersionRow | undefined = await this.db('kb_article_versions')
      .where({ article_id: seq, version })
      .first();
    return row
      ? { ...versionInfo(row), content: JSON.parse(row.content) }
      : undefined;
  }

  /** What someone typed in a search box, analysed and searched. */
  async searchText(
    q: string,
    request: { filter: ArticleFilter; limit: number; offset: number },
  ): Promise<StoredSearchPage> {
    const terms = this.analyzer.queryTerms(q);
    return this.search({
      ...request,
      terms,
      minimumShare: terms.length <= 2 ? 1 : SEARCH_MIN_SHARE,
    });
  }

  /**
   * Articles matching enough of the query's terms, best first, by BM25:
   * each matched term scores its rarity (idf) times the saturated weight it
   * has in the article (title 4, tags 2, text 1, summed), ties newest
   * first. An article is kept when its matched terms carry at least
   * `minimumShare` of the query's idf (1: all terms) and number at least
   * `minimumCount`. Terms no article contains are left out of the query, a
   * Latin word of 4 letters or more is first corrected to the commonest
   * indexed word one edit away. Only the terms' postings are read, filtered
   * there; only the page's articles are read whole. The kind counts are of
   * all matches, whatever kinds the filter asks for.
   */
  async search(request: {
    terms: readonly string[];
    minimumShare: number;
    minimumCount?: number;
    filter: ArticleFilter;
    limit: number;
    offset: number;
  }): Promise<StoredSearchPage> {
    const { filter, limit, offset } = request;
    const terms = await this.statistics.weigh(request.terms);
    if (terms.length === 0) {
      return { items: [], total: 0, kinds: countKinds([]) };
    }
    const hits = await this.hits(terms, request, filter);
    const kinds = countKinds(hits);
    const wanted = filter.kinds?.length
      ? hits.filter(hit => filter.kinds!.includes(hit.kind))
      : hits;
    wanted.sort((a, b) => b.score - a.score || b.articleId - a.articleId);
    const page = wanted.slice(offset, offset + limit);
    const articles = await this.load(
      this.db,
      page.map(hit => hit.articleId),
    );
    const scores = new Map(
      page.map(hit => [formatArticleId(hit.articleId), hit.score]),
    );
    return {
      items: articles.map(article => ({
        ...article,
        score: scores.get(article.id),
      })),
      total: wanted.length,
      kinds,
    };
  }

  /** Every matching article with its kind and score, in one scan of the terms' postings. */
  private async hits(
    terms: readonly SearchTerm[],
    request: { minimumShare: number; minimumCount?: number },
    filter: ArticleFilter,
  ): Promise<{ articleId: number; kind: ArticleKind; score: number }[]> {
    // The query's terms with their idf, joined to their postings: one lookup
    // per posting, where a CASE over the terms compared each posting with
    // every term, twice. The idf figures are computed here, not typed by
    // anyone: written into the SQL as numbers, so PostgreSQL need not guess a
    // parameter's type; as double precision, which it sums faster than numeric.
    const weighed = this.db.raw(
      `(${terms
        .map(
          t =>
            `select ? as term, CAST(${t.idf.toFixed(
              6,
            )} AS DOUBLE PRECISION) as idf`,
        )
        .join(' union all ')}) as q`,
      terms.map(t => t.term),
    );
    const total = terms.reduce((sum, t) => sum + t.idf, 0);
    // A rounding margin, so "all terms" is not lost to float sums.
    const needed = request.minimumShare * total - 1e-6;
    const query = this.narrow(
      this.db('kb_postings as p')
        .join(weighed, 'q.term', 'p.term')
        .select('p.article_id')
        .min({ kind: 'p.kind' })
        .select(
          this.db.raw(
            `SUM(q.idf * p.weight * ${
              BM25_K1 + 1
            } / (p.weight + ${BM25_K1}.0)) AS score`,
          ),
        )
        .groupBy('p.article_id')
        .havingRaw(`SUM(q.idf) >= ${needed.toFixed(6)}`)
        .havingRaw('COUNT(*) >= ?', [request.minimumCount ?? 1]),
      { ...filter, kinds: undefined },
      'p',
      'p.article_id',
    );
    const rows: {
      article_id: number;
      kind: ArticleKind;
      score: number | string;
    }[] = await query;
    return rows.map(row => ({
      articleId: row.article_id,
      kind: row.kind,
      score: Number(row.score),
    }));
  }

  /** Most recently updated first. */
  async recent(request: {
    filter: ArticleFilter;
    limit: number;
    offset: number;
  }): Promise<StoredArticlePage> {
    const base = () => this.narrow(this.db('kb_articles as a'), request.filter);
    const [rows, [{ count }]] = await Promise.all([
      base()
        .select('a.id')
        .orderBy([
          { column: 'a.updated_at', order: 'desc' },
          { column: 'a.id', order: 'desc' },
        ])
        .limit(request.limit)
        .offset(request.offset),
      base().count({ count: '*' }),
    ]);
    return {
      items: await this.load(
        this.db,
        rows.map((r: { id: number }) => r.id),
      ),
      total: Number(count),
    };
  }

  async kindCounts(filter: ArticleFilter): Promise<KindCounts> {
    const rows: { kind: ArticleKind; count: number | string }[] =
      await this.narrow(this.db('kb_articles as a'), {
        ...filter,
        kinds: undefined,
      })
        .select('a.kind')
        .count({ count: '*' })
        .groupBy('a.kind');
    return countKinds(rows);
  }

  /** Articles after the given sequence number, by id: the collator's walk. */
  async after(
    seq: number,
    limit: number,
    filter: ArticleFilter,
  ): Promise<StoredArticle[]> {
    const rows = await this.narrow(this.db('kb_articles as a'), filter)
      .where('a.id', '>', seq)
      .orderBy('a.id')
      .limit(limit)
      .select('a.id');
    return this.load(
      this.db,
      rows.map((r: { id: number }) => r.id),
    );
  }

  /**
   * Sets a fact once: true for the caller that set it, false when it was
   * already set (by this replica earlier, or another one just now).
   */
  async claim(key: string, value: string): Promise<boolean> {
    try {
      return await this.db.transaction(async trx => {
        if (await trx('kb_meta').where({ key }).first()) return false;
        await trx('kb_meta').insert({ key, value });
        return true;
      });
    } catch (error) {
      if (await this.db('kb_meta').where({ key }).first()) return false;
      throw error;
    }
  }

  /**
   * Applies a filter to articles (`a`) or to postings (`p`), which repeat
   * the article's kind, visibility and language.
   */
  private narrow(
    query: Knex.QueryBuilder,
    filter: ArticleFilter,
    alias = 'a',
    idColumn = 'a.id',
  ) {
    if (filter.kinds?.length) query.whereIn(`${alias}.kind`, filter.kinds);
    if (filter.language) query.where(`${alias}.language`, filter.language);
    if (filter.entityRefs?.length) {
      query.whereIn(
        idColumn,
        this.db('kb_article_entities')
          .select('article_id')
          .whereIn('entity_ref', filter.entityRefs),
      );
    }
    const { access } = filter;
    if (access) query.where(qb => applyCriteria(qb, access, alias));
    return query;
  }

  /** Whole articles by sequence number, in the order given. */
  private async load(
    db: Knex | Knex.Transaction,
    seqs: readonly number[],
  ): Promise<StoredArticle[]> {
    if (seqs.length === 0) return [];
    // One after another: a transaction is one connection, which runs one
    // query at a time.
    const rows = await db<ArticleRow>('kb_articles').whereIn('id', seqs);
    const entities = await db('kb_article_entities')
      .whereIn('article_id', seqs)
      .orderBy('entity_ref');
    const tickets = await db('kb_article_tickets')
      .whereIn('article_id', seqs)
      .orderBy('ticket_ref');
    const byId = new Map(rows.map(row => [row.id, row]));
    const linked = (
      links: { article_id: number }[],
      seq: number,
      column: string,
    ) =>
      links
        .filter(link => link.article_id === seq)
        .map(link => (link as Record<string, unknown>)[column] as string);
    return seqs.flatMap(seq => {
      const row = byId.get(seq);
      return row
        ? [
            toArticle(
              row,
              linked(entities, seq, 'entity_ref'),
              linked(tickets, seq, 'ticket_ref'),
            ),
          ]
        : [];
    });
  }
}

function contentColumns(content: ArticleContent) {
  return {
    kind: content.kind,
    title: content.title,
    tags: JSON.stringify(content.tags),
    language: content.language,
    visibility: content.visibility,
    owner: content.owner,
    known_error: content.knownError ? JSON.stringify(content.knownError) : null,
    body: content.body,
  };
}

/** How many of each kind, from rows of one article (count 1) or of a kind with its count. */
function countKinds(
  rows: readonly { kind: ArticleKind; count?: number | string }[],
): KindCounts {
  const counts = Object.fromEntries(ARTICLE_KINDS.map(kind => [kind, 0]));
  for (const row of rows) counts[row.kind] += Number(row.count ?? 1);
  return counts as Record<ArticleKind, number>;
}

/** Links, the version record and the postings of a save. */
async function writeDerived(
  trx: Knex.Transaction,
  seq: number,
  save: ArticleSave,
  version: number,
  analyzer: SearchAnalyzer,
) {
  const { content } = save;
  if (content.entityRefs.length > 0) {
    await trx('kb_article_entities').insert(
      content.entityRefs.map(entity_ref => ({ article_id: seq, entity_ref })),
    );
  }
  if (content.ticketRefs.length > 0) {
    await trx('kb_article_tickets').insert(
      content.ticketRefs.map(ticket_ref => ({ article_id: seq, ticket_ref })),
    );
  }
  await trx('kb_article_versions').insert({
    article_id: seq,
    version,
    author: save.actor,
    at: save.at,
    restored_from: save.restoredFrom ?? null,
    from_file: save.source !== undefined,
    content: JSON.stringify(content),
  });
  await writePostings(trx, seq, content, analyzer);
}

/** The article's rows in the search index. */
async function writePostings(
  trx: Knex.Transaction,
  seq: number,
  content: ArticleContent,
  analyzer: SearchAnalyzer,
) {
  const postings = postingsOf(content, analyzer).map(p => ({
    term: p.term,
    article_id: seq,
    weight: p.weight,
    kind: content.kind,
    visibility: content.visibility,
    language: content.language,
  }));
  for (let i = 0; i < postings.length; i += POSTINGS_CHUNK) {
    await trx('kb_postings').insert(postings.slice(i, i + POSTINGS_CHUNK));
  }
}

function toArticle(
  row: ArticleRow,
  entityRefs: string[],
  ticketRefs: string[],
): StoredArticle {
  const knownError: KnownErrorSections | undefined = row.known_error
    ? JSON.parse(row.known_error)
    : undefined;
  return {
    id: formatArticleId(row.id),
    kind: row.kind,
    title: row.title,
    body: row.body,
    ...(knownError ? { knownError } : {}),
    tags: JSON.parse(row.tags),
    language: row.language,
    entityRefs,
    ticketRefs,
    owner: row.owner,
    visibility: row.visibility,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    ...(row.source_path
      ? { sourcePath: row.source_path, sourceHash: row.source_hash ?? '' }
      : {}),
    ...(row.origin_ticket ? { originTicket: row.origin_ticket } : {}),
  };
}

function versionInfo(row: VersionRow): ArticleVersionInfo {
  return {
    version: row.version,
    author: row.author,
    at: row.at,
    ...(row.restored_from !== null ? { restoredFrom: row.restored_from } : {}),
    ...(row.from_file ? { fromFile: true } : {}),
  };
}

function applyCriteria(
  qb: Knex.QueryBuilder,
  criteria: PermissionCriteria<ArticleQueryFilter>,
  alias: string,
): void {
  if (isAndCriteria(criteria)) {
    for (const sub of criteria.allOf) {
      qb.andWhere(inner => applyCriteria(inner, sub, alias));
    }
  } else if (isOrCriteria(criteria)) {
    for (const sub of criteria.anyOf) {
      qb.orWhere(inner => applyCriteria(inner, sub, alias));
    }
  } else if (isNotCriteria(criteria)) {
    qb.whereNot(inner => applyCriteria(inner, criteria.not, alias));
  } else if (criteria.values.length === 0) {
    qb.whereRaw('1 = 0');
  } else {
    qb.whereIn(`${alias}.${ACCESS_COLUMNS[criteria.property]}`, [
      ...criteria.values,
    ]);
  }
}
