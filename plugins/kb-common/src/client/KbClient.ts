import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
import type {
  CreateArticleRequest,
  ExportQuery,
  KnownErrorFromTicketRequest,
  RestoreArticleRequest,
  SearchArticlesQuery,
  SuggestionsQuery,
  UpdateArticleRequest,
} from '../schemas';
import type {
  Article,
  ArticleDiff,
  ArticlePage,
  ArticleSummary,
  ArticleVersion,
  ArticleVersionInfo,
  KindCounts,
  KnownErrorResult,
} from '../types';
import type { KbApi } from './KbApi';

export type KbClientOptions = CourtClientOptions;

const article = (id: string) => `/articles/${encodeURIComponent(id)}`;

/** HTTP client of the knowledge base API; the same in the browser and in Node. */
export class KbClient implements KbApi {
  private readonly request: CourtRequest;

  constructor(options: KbClientOptions) {
    this.request = courtRequest('kb', options);
  }

  searchArticles(query: SearchArticlesQuery = {}): Promise<ArticlePage> {
    return this.request('GET', `/articles${queryOf(query)}`);
  }

  countKinds(): Promise<KindCounts> {
    return this.request('GET', '/kinds');
  }

  getArticle(id: string): Promise<Article> {
    return this.request('GET', article(id));
  }

  createArticle(request: CreateArticleRequest): Promise<Article> {
    return this.request('POST', '/articles', request);
  }

  updateArticle(id: string, request: UpdateArticleRequest): Promise<Article> {
    return this.request('PUT', article(id), request);
  }

  listVersions(id: string): Promise<ArticleVersionInfo[]> {
    return this.request('GET', `${article(id)}/versions`);
  }

  getVersion(id: string, version: number): Promise<ArticleVersion> {
    return this.request('GET', `${article(id)}/versions/${version}`);
  }

  diffVersions(id: string, from: number, to: number): Promise<ArticleDiff> {
    return this.request('GET', `${article(id)}/diff${queryOf({ from, to })}`);
  }

  restoreVersion(id: string, request: RestoreArticleRequest): Promise<Article> {
    return this.request('POST', `${article(id)}/restore`, request);
  }

  suggest(query: SuggestionsQuery): Promise<ArticleSummary[]> {
    return this.request('GET', `/suggestions${queryOf(query)}`);
  }

  knownErrorFromTicket(
    request: KnownErrorFromTicketRequest,
  ): Promise<KnownErrorResult> {
    return this.request('POST', '/known-errors', request);
  }

  exportArticles(query: ExportQuery = {}): Promise<Article[]> {
    return this.request('GET', `/export${queryOf(query)}`);
  }
}
