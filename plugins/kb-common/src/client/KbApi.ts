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

/** The knowledge base's REST API (`/api/kb`), as the browser and the backend call it. */
export interface KbApi {
  /** Ranked by matched terms with `q`; most recently updated first without. */
  searchArticles(query?: SearchArticlesQuery): Promise<ArticlePage>;
  /** How many articles of each kind the caller may read. */
  countKinds(): Promise<KindCounts>;
  getArticle(id: string): Promise<Article>;
  createArticle(request: CreateArticleRequest): Promise<Article>;
  /** A stale `version` is rejected with 409. */
  updateArticle(id: string, request: UpdateArticleRequest): Promise<Article>;
  listVersions(id: string): Promise<ArticleVersionInfo[]>;
  getVersion(id: string, version: number): Promise<ArticleVersion>;
  diffVersions(id: string, from: number, to: number): Promise<ArticleDiff>;
  /** Makes an earlier version the newest, as a new version. */
  restoreVersion(id: string, request: RestoreArticleRequest): Promise<Article>;
  /** Articles matching a ticket being filed: its text and entities. */
  suggest(query: SuggestionsQuery): Promise<ArticleSummary[]>;
  /** A problem ticket's root cause as a known-error article, linked both ways. */
  knownErrorFromTicket(
    request: KnownErrorFromTicketRequest,
  ): Promise<KnownErrorResult>;
  /** Every article the caller may read, in full, by id; for the search collator. */
  exportArticles(query?: ExportQuery): Promise<Article[]>;
}
