import type {
  Article,
  ArticleSummary,
  KbApi,
} from '@internal/plugin-kb-common';

export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'KB-00001',
    kind: 'how-to',
    title: '打印机卡纸怎么办',
    body: '1. 打开前盖\n2. 取出卡住的纸张',
    tags: ['打印机'],
    language: 'zh',
    entityRefs: ['resource:default/printer-01'],
    ticketRefs: [],
    owner: 'group:default/hardware-post',
    visibility: 'public',
    version: 1,
    createdAt: '2026-11-30T02:00:00.000Z',
    createdBy: 'user:default/wangqiang',
    updatedAt: '2026-11-30T02:00:00.000Z',
    updatedBy: 'user:default/wangqiang',
    ...overrides,
  };
}

export function summaryOf(article: Article, snippet = article.body): ArticleSummary {
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
    snippet,
    fromFile: Boolean(article.source),
  };
}

/** A KbApi whose every method is a jest mock with an empty answer. */
export function mockKbApi(): jest.Mocked<KbApi> {
  return {
    searchArticles: jest.fn().mockResolvedValue({ items: [], total: 0 }),
    countKinds: jest
      .fn()
      .mockResolvedValue({ 'known-error': 0, runbook: 0, 'how-to': 0, faq: 0 }),
    getArticle: jest.fn().mockResolvedValue(makeArticle()),
    createArticle: jest.fn().mockResolvedValue(makeArticle()),
    updateArticle: jest.fn().mockResolvedValue(makeArticle({ version: 2 })),
    listVersions: jest.fn().mockResolvedValue([]),
    getVersion: jest.fn(),
    diffVersions: jest.fn(),
    restoreVersion: jest.fn(),
    suggest: jest.fn().mockResolvedValue([]),
    knownErrorFromTicket: jest.fn(),
    exportArticles: jest.fn().mockResolvedValue([]),
  };
}
