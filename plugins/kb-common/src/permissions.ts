import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of an article, for conditional decisions on visibility. */
export const KB_ARTICLE_RESOURCE_TYPE = 'kb-article';

/** Write a new article. */
export const kbArticleCreatePermission = createPermission({
  name: 'kb.article.create',
  attributes: { action: 'create' },
});

/**
 * Read one article, see it in lists, suggestions and Backstage search. Court
 * staff get it on public articles only (the HAS_VISIBILITY rule in
 * `@internal/plugin-kb-node`).
 */
export const kbArticleReadPermission = createPermission({
  name: 'kb.article.read',
  attributes: { action: 'read' },
  resourceType: KB_ARTICLE_RESOURCE_TYPE,
});

/** Edit an article or restore an earlier version of it. */
export const kbArticleUpdatePermission = createPermission({
  name: 'kb.article.update',
  attributes: { action: 'update' },
  resourceType: KB_ARTICLE_RESOURCE_TYPE,
});

export const kbPermissions = [
  kbArticleCreatePermission,
  kbArticleReadPermission,
  kbArticleUpdatePermission,
];
