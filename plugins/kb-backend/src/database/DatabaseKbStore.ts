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
import type { ArticleQueryFilter } from '@internal/plugin-kb-node';
import { postingsOf } from './postings';

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
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseKbStore> {
    return DatabaseKbStore.fromKnex(await options.database.getClient(), {
      skipMigrations: options.skipMigrations,
    });
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<DatabaseKbStore> {
    if (isSqlite(db)) {
      // Readers keep reading while a write commits; Backstage leaves the
      // default rollback journal on.
      await db.raw('PRAGMA journal_mode = WAL');
    }
    if (!options.skipMigrations) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseKbStore(db);
  }

  async insert(save: ArticleSave): Promise<StoredArticle> {
    return this.db.transaction(async trx => {
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
      await writeDerived(trx, seq, save, 1);
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
    return this.db.transaction(async trx => {
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
      await writeDerived(trx, seq, save, expectedVersion + 1);
      return (await this.load(trx, [seq]))[0];
    });
  }

  /** Removes an article and everything about it (a runbook file that is gone). */
  async delete(id: string): Promise<void> {
    const seq = parseArticleId(id);
    if (seq === undefined) return;
    await this.db.transaction(async trx => {
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
  async getByOriginTicket(
    ticket: string,
  ): Promise<StoredArticle | undefined> {
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
      .select('article_id', 'version', 'author', 'at', 'restored_from', 'from_file');
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

  /**
   * Articles containing at least `minimumMatch` of the terms, best first:
   * score is the sum of the matched terms' weights (title 4, tags 2, text 1),
   * ties newest first. Only the terms' postings are read, filtered there;
   * only the page's articles are read whole.
   */
  async search(request: {
    terms: readonly string[];
    minimumMatch: number;
    filter: ArticleFilter;
    limit: number;
    offset: number;
  }): Promise<StoredArticlePage> {
    const { terms, filter, limit, offset } = request;
    if (terms.length === 0) return { items: [], total: 0 };
    // One index scan over the terms' rows; the primary key makes each
    // (term, article) row unique, so an article's count is its matched terms.
    const hits = this.narrow(
      this.db('kb_postings as p')
        .select('p.article_id')
        .sum({ score: 'p.weight' })
        .whereIn('p.term', [...terms])
        .groupBy('p.article_id')
        .havingRaw('COUNT(*) >= ?', [request.minimumMatch]),
      filter,
      'p',
      'p.article_id',
    );
    const rows: {
      article_id: number;
      score: number | string;
      total: number | string;
    }[] = await this.db
      .from(hits.as('hits'))
      .select('article_id', 'score', this.db.raw('COUNT(*) OVER () AS total'))
      .orderBy([
        { column: 'score', order: 'desc' },
        { column: 'article_id', order: 'desc' },
      ])
      .limit(limit)
      .offset(offset);
    const scores = new Map(
      rows.map(r => [formatArticleId(r.article_id), Number(r.score)]),
    );
    const articles = await this.load(
      this.db,
      rows.map(r => r.article_id),
    );
    return {
      items: articles.map(article => ({
        ...article,
        score: scores.get(article.id),
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
    };
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
      await this.narrow(this.db('kb_articles as a'), filter)
        .select('a.kind')
        .count({ count: '*' })
        .groupBy('a.kind');
    const counts = Object.fromEntries(ARTICLE_KINDS.map(kind => [kind, 0]));
    for (const row of rows) counts[row.kind] = Number(row.count);
    return counts as Record<ArticleKind, number>;
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

/** Links, the version record and the postings of a save. */
async function writeDerived(
  trx: Knex.Transaction,
  seq: number,
  save: ArticleSave,
  version: number,
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
  const postings = postingsOf(content).map(p => ({
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

function isSqlite(db: Knex) {
  return String(db.client.config.client).includes('sqlite');
}
