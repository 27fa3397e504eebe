import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The knowledge base home: search, recent articles, articles by kind. */
export const rootRouteRef = createRouteRef();

/** One article, by id (KB-00042). */
export const articleRouteRef = createRouteRef({ params: ['articleId'] });

/** A new article; `?entity=<ref>` prefills what it applies to. */
export const newArticleRouteRef = createRouteRef();

/** Editing an article. */
export const editArticleRouteRef = createRouteRef({ params: ['articleId'] });
