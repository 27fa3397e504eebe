import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The service desk: the queue, or a requester's own tickets. */
export const rootRouteRef = createRouteRef();

/** The new-ticket form; `?entity=<ref>` prefills the affected entity. */
export const newTicketRouteRef = createRouteRef();

/** One ticket, by number (INC-2026-00042). */
export const ticketRouteRef = createRouteRef({ params: ['ticketRef'] });

/** Changes: the list, the calendar, pending approvals, freezes, the success rate. */
export const changesRouteRef = createRouteRef();

/** One change, by number (CHG-2026-00001). */
export const changeRouteRef = createRouteRef({ params: ['changeRef'] });

/** The signed-in user's own paging channels and quiet hours. */
export const pagingSettingsRouteRef = createRouteRef();

/** A knowledge article, by id (KB-00042): the kb plugin's page, bound in the app. */
export const kbArticleRouteRef = createExternalRouteRef({
  params: ['articleId'],
  defaultTarget: 'kb.article',
});
