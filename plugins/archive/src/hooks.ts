import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import {
  changeRouteRef,
  documentRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from './routes';

/** Paths into the archive and to the tickets it names; undefined where the app has not mounted them. */
export function useArchiveLinks() {
  const root = useRouteRef(rootRouteRef);
  const document = useRouteRef(documentRouteRef);
  const ticket = useRouteRef(ticketRouteRef);
  const change = useRouteRef(changeRouteRef);
  return {
    root: useCallback(() => root?.(), [root]),
    document: useCallback((id: string) => document?.({ id }), [document]),
    /** A change's page for CHG numbers, else the ticket's. */
    ticket: useCallback(
      (number: string) =>
        number.startsWith('CHG-')
          ? change?.({ changeRef: number })
          : ticket?.({ ticketRef: number }),
      [change, ticket],
    ),
  };
}
