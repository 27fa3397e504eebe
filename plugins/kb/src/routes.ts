import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The knowledge base home: search, recent articles, articles by kind. */
export const rootRouteRef = createRouteRef();

/** One article, by id (KB-00042). */
export const articleRouteRef = createRouteRef({ params: ['articleId'] });

/** A new article; `?entity=<ref>` prefills what it applies to. */
export const newArticleRouteRef = createRouteRef();

/** Editing an article. */
export const editArticleRouteRef = createRouteRef({ params: ['articleId'] });

/** A ticket, by number (PRB-2026-00007): the tickets plugin's page, bound in the app. */
export const ticketRouteRef = createExternalRouteRef({
  params: ['ticketRef'],
  defaultTarget: 'tickets.ticket',
});
