import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import {
  changeRouteRef,
  changesRouteRef,
  kbArticleRouteRef,
  newTicketRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from '../routes';

/** Changes have their own page; every other record of the family the ticket page. */
const isChangeNumber = (number: string) => number.startsWith('CHG-');

/** Paths into the service desk; undefined where the app has not mounted the page. */
export function useTicketLinks() {
  const desk = useRouteRef(rootRouteRef);
  const ticket = useRouteRef(ticketRouteRef);
  const newTicket = useRouteRef(newTicketRouteRef);
  const changes = useRouteRef(changesRouteRef);
  const change = useRouteRef(changeRouteRef);
  const kbArticle = useRouteRef(kbArticleRouteRef);
  return {
    desk: useCallback(() => desk?.(), [desk]),
    changes: useCallback(() => changes?.(), [changes]),
    /** The page of a ticket or a change, by its number. */
    ticket: useCallback(
      (number: string) =>
        isChangeNumber(number)
          ? change?.({ changeRef: number })
          : ticket?.({ ticketRef: number }),
      [ticket, change],
    ),
    /** The knowledge base's page of an article, by id (KB-00042). */
    article: useCallback(
      (articleId: string) => kbArticle?.({ articleId }),
      [kbArticle],
    ),
    newTicket: useCallback(
      (entityRef?: string) => {
        const path = newTicket?.();
        if (!path || !entityRef) return path;
        return `${path}?${new URLSearchParams({ entity: entityRef })}`;
      },
      [newTicket],
    ),
  };
}
