import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import {
  articleRouteRef,
  editArticleRouteRef,
  newArticleRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from '../routes';

/** Paths into the knowledge base; undefined where the app has not mounted the page. */
export function useKbLinks() {
  const home = useRouteRef(rootRouteRef);
  const article = useRouteRef(articleRouteRef);
  const newArticle = useRouteRef(newArticleRouteRef);
  const edit = useRouteRef(editArticleRouteRef);
  const ticket = useRouteRef(ticketRouteRef);
  return {
    home: useCallback(() => home?.(), [home]),
    article: useCallback(
      (articleId: string) => article?.({ articleId }),
      [article],
    ),
    /** The service desk's page of a ticket, by number. */
    ticket: useCallback(
      (ticketRef: string) => ticket?.({ ticketRef }),
      [ticket],
    ),
    edit: useCallback((articleId: string) => edit?.({ articleId }), [edit]),
    newArticle: useCallback(
      (entityRef?: string) => {
        const path = newArticle?.();
        if (!path || !entityRef) return path;
        return `${path}?${new URLSearchParams({ entity: entityRef })}`;
      },
      [newArticle],
    ),
  };
}
