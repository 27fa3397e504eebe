import { actorOf, Caller } from '@internal/plugin-court-node';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  Article,
  ArticleContent,
  ArticleDiff,
  ArticlePage,
  ArticleSearch,
  ArticleSummary,
  ArticleVersion,
  ArticleVersionInfo,
  articleText,
  KindCounts,
  KnownErrorResult,
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
  ParsedArticleRequest,
  snippetOf,
} from '@internal/plugin-kb-common';
import type {
  exportQuerySchema,
  knownErrorFromTicketRequestSchema,
  restoreArticleRequestSchema,
  suggestionsQuerySchema,
  updateArticleRequestSchema,
} from '@internal/plugin-kb-common';
import { CourtClock } from '@internal/plugin-court-node';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import { z } from 'zod';
import {
  ArticleFilter,
  DatabaseKbStore,
  StoredArticle,
} from '../database/DatabaseKbStore';
import { ArticleAccess } from './ArticleAccess';
import { CatalogRefs } from './CatalogRefs';
import { diffContents } from './diff';
import { TicketGateway } from './TicketGateway';

/** A ticket's text is long and worded its own way: look at this many terms. */
const SUGGESTION_TERMS = 32;
/** A suggestion shares at least this many terms with the ticket (fewer if it has fewer). */
const SUGGESTION_MIN_MATCH = 3;
/** Score added for an article on the very entity of the ticket, or on its system. */
const ENTITY_BONUS = { entity: 6, system: 3 };
/** Candidates read per source before ranking the suggestions. */
const SUGGESTION_CANDIDATES = 50;

/** The known error's language: Chinese when the problem is written in Chinese. */
function languageOf(text: string): 'zh' | 'en' {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

/**
 * The knowledge base: articles with versions, search, suggestions while a
 * ticket is filed, known errors from problems. Checks permissions; court
 * staff see public articles only, and an article they may not read answers
 * 404 as if it did not exist.
 */
export class KbService {
  constructor(
    private readonly deps: {
      store: DatabaseKbStore;
      access: ArticleAccess;
      catalog: CatalogRefs;
      tickets: TicketGateway;
      /** Link to a file-kept article's file in the court's source browser. */
      sourceUrl?: (path: string) => string | undefined;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
    },
  ) {}

  private now(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }

  async search(query: ArticleSearch, caller: Caller): Promise<ArticlePage> {
    const filter: ArticleFilter = {
      kinds: query.kind,
      entityRefs: query.entity,
      language: query.language,
      access: await this.deps.access.readFilter(caller),
    };
    const { limit, offset } = query;
    const { store } = this.deps;
    if (query.q === undefined) {
      const [page, kinds] = await Promise.all([
        store.recent({ filter, limit, offset }),
        store.kindCounts(filter),
      ]);
      return { items: page.items.map(a => summaryOf(a)), total: page.total, kinds };
    }
    const page = await store.searchText(query.q, { filter, limit, offset });
    return {
      items: page.items.map(a => summaryOf(a, query.q)),
      total: page.total,
      kinds: page.kinds,
    };
  }

  async countKinds(caller: Caller): Promise<KindCounts> {
    return this.deps.store.kindCounts({
      access: await this.deps.access.readFilter(caller),
    });
  }

  async get(id: string, caller: Caller): Promise<Article> {
    return this.present(await this.readable(id, caller));
  }

  /**
   * Authorize first: the router asks this before it reads a request's input,
   * so a caller who may not write articles gets 403, never a 400 that
   * describes the expected body.
   * @throws NotAllowedError
   */
  async authorize(
    action: 'create' | 'read' | 'update',
    caller: Caller,
  ): Promise<void> {
    if (action === 'create') {
      await this.deps.access.require(kbArticleCreatePermission, caller);
    } else {
      await this.deps.access.requireSome(
        action === 'read' ? kbArticleReadPermission : kbArticleUpdatePermission,
        caller,
      );
    }
  }

  async create(request: ParsedArticleRequest, caller: Caller): Promise<Article> {
    await this.deps.access.require(kbArticleCreatePermission, caller);
    const content = await this.checked(request, caller);
    const stored = await this.deps.store.insert({
      content,
      actor: actorOf(caller),
      at: this.now(),
    });
    return this.present(stored);
  }

  async update(
    id: string,
    request: z.output<typeof updateArticleRequestSchema>,
    caller: Caller,
  ): Promise<Article> {
    const article = await this.writable(id, caller);
    const { version, ...edited } = request;
    const content = await this.checked(edited, caller, article.owner);
    const stored = await this.deps.store.update(id, version, {
      content,
      actor: actorOf(caller),
      at: this.now(),
    });
    return this.present(stored);
  }

  async versions(id: string, caller: Caller): Promise<ArticleVersionInfo[]> {
    const article = await this.readable(id, caller);
    return this.deps.store.versions(article.id);
  }

  async version(
    id: string,
    version: number,
    caller: Caller,
  ): Promise<ArticleVersion> {
    const article = await this.readable(id, caller);
    const found = await this.deps.store.version(article.id, version);
    if (!found) {
      throw new NotFoundError(
        `article ${article.id} has no version ${version}`,
      );
    }
    return found;
  }

  async diff(
    id: string,
    from: number,
    to: number,
    caller: Caller,
  ): Promise<ArticleDiff> {
    const [before, after] = await Promise.all([
      this.version(id, from, caller),
      this.version(id, to, caller),
    ]);
    return {
      id,
      from,
      to,
      changes: diffContents(before.content, after.content),
    };
  }

  /** Saves an earlier version's content as the newest version. */
  async restore(
    id: string,
    request: z.output<typeof restoreArticleRequestSchema>,
    caller: Caller,
  ): Promise<Article> {
    const article = await this.writable(id, caller);
    const earlier = await this.deps.store.version(article.id, request.from);
    if (!earlier) {
      throw new InputError(
        `body.from: article ${article.id} has no version ${request.from}`,
      );
    }
    const stored = await this.deps.store.update(article.id, request.version, {
      content: earlier.content,
      actor: actorOf(caller),
      at: this.now(),
      restoredFrom: request.from,
    });
    return this.present(stored);
  }

  /**
   * Articles for a ticket being filed: those sharing its words, and those on
   * its entities or their systems, best first. Known fixes reach the desk
   * before the ticket does (DESK-6).
   */
  async suggest(
    query: z.output<typeof suggestionsQuerySchema>,
    caller: Caller,
  ): Promise<ArticleSummary[]> {
    const access = await this.deps.access.readFilter(caller);
    const { store, catalog } = this.deps;
    const terms = store.searchAnalyzer
      .queryTerms(query.text)
      .slice(0, SUGGESTION_TERMS);
    const systems = await catalog.systemsOf(query.entity, caller);
    const [byText, byEntity] = await Promise.all([
      store.search({
        terms,
        minimumShare: 0,
        minimumCount: Math.min(terms.length, SUGGESTION_MIN_MATCH),
        filter: { access },
        limit: SUGGESTION_CANDIDATES,
        offset: 0,
      }),
      query.entity.length > 0
        ? store.recent({
            filter: { access, entityRefs: [...query.entity, ...systems] },
            limit: SUGGESTION_CANDIDATES,
            offset: 0,
          })
        : { items: [], total: 0 },
    ]);
    const ranked = new Map<string, { article: StoredArticle; score: number }>();
    for (const article of [...byText.items, ...byEntity.items]) {
      if (ranked.has(article.id)) continue;
      let bonus = 0;
      if (article.entityRefs.some(r => query.entity.includes(r))) {
        bonus = ENTITY_BONUS.entity;
      } else if (article.entityRefs.some(r => systems.includes(r))) {
        bonus = ENTITY_BONUS.system;
      }
      const textScore =
        byText.items.find(hit => hit.id === article.id)?.score ?? 0;
      ranked.set(article.id, { article, score: textScore + bonus });
    }
    return [...ranked.values()]
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit)
      .map(({ article }) => summaryOf(article, query.text));
  }

  /**
   * A problem's root cause as a known error in one step (PRB-1): the
   * problem's title, description (the symptom), entities and resolution
   * (the fix) with the cause and workaround given, linked both ways. Asking
   * again for the same problem returns the article made the first time.
   */
  async knownErrorFromTicket(
    request: z.output<typeof knownErrorFromTicketRequestSchema>,
    caller: Caller,
  ): Promise<KnownErrorResult> {
    const { access, store, tickets } = this.deps;
    await access.require(kbArticleCreatePermission, caller);
    const detail = await tickets.getTicket(
      request.ticket,
      caller,
      'body.ticket',
    );
    const { ticket } = detail;
    if (ticket.type !== 'problem') {
      throw new InputError(
        `body.ticket: ${ticket.number} is a ${ticket.type}; only a problem's root cause becomes a known error`,
      );
    }
    const existing = await store.getByOriginTicket(ticket.number);
    const { article, created } = existing
      ? { article: existing, created: false }
      : await this.saveKnownError(detail, request, caller);
    const linked = detail.links.some(
      link => link.kind === 'article' && link.target === article.id,
    );
    if (!linked) await tickets.linkArticle(ticket.id, article.id, caller);
    return { article: this.present(article), created };
  }

  /** The known error of a problem, saved; or the one a second click or a colleague saved first. */
  private async saveKnownError(
    { ticket, events }: TicketDetail,
    request: z.output<typeof knownErrorFromTicketRequestSchema>,
    caller: Caller,
  ): Promise<{ article: StoredArticle; created: boolean }> {
    const resolution = [...events]
      .reverse()
      .find(event => event.type === 'resolved');
    const content: ArticleContent = {
      kind: 'known-error',
      title: ticket.title,
      body: '',
      knownError: {
        symptom: ticket.description || ticket.title,
        cause: request.cause,
        workaround: request.workaround,
        fix:
          request.fix ??
          (resolution?.type === 'resolved' ? resolution.resolution : ''),
      },
      tags: [],
      language: languageOf(`${ticket.title} ${ticket.description}`),
      entityRefs: ticket.entityRefs,
      ticketRefs: [ticket.number],
      owner: actorOf(caller),
      visibility: request.visibility,
    };
    try {
      const article = await this.deps.store.insert({
        content,
        actor: actorOf(caller),
        at: this.now(),
        originTicket: ticket.number,
      });
      return { article, created: true };
    } catch (error) {
      const made = await this.deps.store.getByOriginTicket(ticket.number);
      if (made) return { article: made, created: false };
      throw error;
    }
  }

  /** Every article the caller may read, whole, by id: the search collator's feed. */
  async export(
    query: z.output<typeof exportQuerySchema>,
    caller: Caller,
  ): Promise<Article[]> {
    const access = await this.deps.access.readFilter(caller);
    const articles = await this.deps.store.after(query.after, query.limit, {
      access,
    });
    return articles.map(article => this.present(article));
  }

  /** @throws NotFoundError when there is no such article the caller may read */
  private async readable(id: string, caller: Caller): Promise<StoredArticle> {
    const article = await this.deps.store.get(id);
    if (
      !article ||
      !(await this.deps.access.allowsOn(
        kbArticleReadPermission,
        article,
        caller,
      ))
    ) {
      throw new NotFoundError(`no article ${id}`);
    }
    return article;
  }

  /** A readable article the caller may change, and that is not kept in a file. */
  private async writable(id: string, caller: Caller): Promise<StoredArticle> {
    const article = await this.readable(id, caller);
    if (
      !(await this.deps.access.allowsOn(
        kbArticleUpdatePermission,
        article,
        caller,
      ))
    ) {
      throw new NotAllowedError(
        `kb.article.update is not allowed on ${article.id}`,
      );
    }
    if (article.sourcePath) {
      throw new ConflictError(
        `article ${article.id} is kept in ${article.sourcePath}: change the file instead`,
      );
    }
    return article;
  }

  /**
   * The content to save: the owner defaults to the current owner, or for a
   * new article to its author; the entities and owner must be in the catalog.
   */
  private async checked(
    request: ParsedArticleRequest,
    caller: Caller,
    currentOwner?: string,
  ): Promise<ArticleContent> {
    if (!request.owner && !currentOwner && caller.principal.type !== 'user') {
      throw new InputError('body.owner: is required when a plugin writes');
    }
    const owner = request.owner ?? currentOwner ?? actorOf(caller);
    await this.deps.catalog.assertExist(
      [
        ...request.entityRefs.map((ref, i) => ({
          ref,
          field: `body.entityRefs.${i}`,
        })),
        { ref: owner, field: 'body.owner' },
      ],
      caller,
    );
    return { ...request, owner };
  }

  private present(article: StoredArticle): Article {
    const { sourcePath, sourceHash: _hash, ...rest } = article;
    if (!sourcePath) return rest;
    const url = this.deps.sourceUrl?.(sourcePath);
    return { ...rest, source: { path: sourcePath, ...(url ? { url } : {}) } };
  }
}

function summaryOf(article: StoredArticle, query?: string): ArticleSummary {
  return {
    id: article.id,
    kind: article.kind,
    title: article.title,
    tags: article.tags,
    language: article.language,
    visibility: article.visibility,
    entityRefs: article.entityRefs,
    owner: article.owner,
    version: article.version,
    updatedAt: article.updatedAt,
    updatedBy: article.updatedBy,
    snippet: snippetOf(articleText(article), query),
    fromFile: Boolean(article.sourcePath),
  };
}
