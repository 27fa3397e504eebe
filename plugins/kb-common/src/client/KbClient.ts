import { ResponseError } from '@backstage/errors';
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

/** Structural so both the frontend's and the backend's discovery fit. */
export interface KbClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** The browser's fetchApi adds the user's token; a backend passes its own. */
  fetchApi?: { fetch: typeof fetch };
}

/** `key=a&key=b` for arrays; undefined values left out. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

const article = (id: string) => `/articles/${encodeURIComponent(id)}`;

/** HTTP client of the knowledge base API; the same in the browser and in Node. */
export class KbClient implements KbApi {
  constructor(private readonly options: KbClientOptions) {}

  searchArticles(query: SearchArticlesQuery = {}): Promise<ArticlePage> {
    return this.request('GET', `/articles${queryString(query)}`);
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
    return this.request('GET', `${article(id)}/diff${queryString({ from, to })}`);
  }

  restoreVersion(id: string, request: RestoreArticleRequest): Promise<Article> {
    return this.request('POST', `${article(id)}/restore`, request);
  }

  suggest(query: SuggestionsQuery): Promise<ArticleSummary[]> {
    return this.request('GET', `/suggestions${queryString(query)}`);
  }

  knownErrorFromTicket(
    request: KnownErrorFromTicketRequest,
  ): Promise<KnownErrorResult> {
    return this.request('POST', '/known-errors', request);
  }

  exportArticles(query: ExportQuery = {}): Promise<Article[]> {
    return this.request('GET', `/export${queryString(query)}`);
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('kb');
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
