import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  Article,
  ArticleKind,
  ArticleLanguage,
  articleText,
  KbClient,
  kbArticleReadPermission,
  parseArticleId,
} from '@internal/plugin-kb-common';
import { pluginFetch } from '@internal/plugin-court-node';
import { Readable } from 'node:stream';

/** Search's document type for knowledge articles. */
const KB_DOCUMENT_TYPE = 'kb-article';

/** A knowledge article as Backstage search indexes and shows it. */
export interface KbArticleDocument extends IndexableDocument {
  readonly id: string;
  readonly kind: ArticleKind;
  readonly language: ArticleLanguage;
  readonly tags: readonly string[];
  readonly entityRefs: readonly string[];
  readonly updatedAt: string;
}

/** Articles asked for per request. */
const PAGE = 100;

function toDocument(article: Article): KbArticleDocument {
  return {
    title: article.title,
    text: articleText(article),
    location: `/kb/articles/${article.id}`,
    id: article.id,
    kind: article.kind,
    language: article.language,
    tags: article.tags,
    entityRefs: article.entityRefs,
    updatedAt: article.updatedAt,
    // Without it the search backend would show the document to everyone:
    // with it, each result is checked against kb.article.read, so court
    // staff never see an internal article.
    authorization: { resourceRef: article.id },
  };
}

/**
 * Every knowledge article, public and internal, read from the kb backend
 * with this plugin's own service credentials. Visibility is enforced when
 * results are read, through `visibilityPermission` and each document's
 * resource ref.
 */
export class KbArticleCollatorFactory implements DocumentCollatorFactory {
  readonly type = KB_DOCUMENT_TYPE;
  readonly visibilityPermission = kbArticleReadPermission;
  private readonly client: KbClient;

  constructor(options: { auth: AuthService; discovery: DiscoveryService }) {
    const { auth, discovery } = options;
    this.client = new KbClient({
      discoveryApi: discovery,
      fetchApi: pluginFetch({
        auth,
        targetPluginId: 'kb',
        onBehalfOf: () => auth.getOwnServiceCredentials(),
      }),
    });
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<KbArticleDocument> {
    let after = 0;
    for (;;) {
      const articles = await this.client.exportArticles({ after, limit: PAGE });
      yield* articles.map(toDocument);
      if (articles.length < PAGE) return;
      after = parseArticleId(articles[articles.length - 1].id)!;
    }
  }
}
