import { useApi } from '@backstage/frontend-plugin-api';
import type {
  Change,
  ListChangesQuery,
  ListTicketsQuery,
  Ticket,
} from '@internal/plugin-tickets-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketsApiRef } from '../api';
import { toError } from '../errors';
import { useTicketSignal } from './useTicketSignal';

const PAGE_SIZE = 25;
const MAX_PAGE = 100;
// A burst of changes (a breach sweep, a bulk reassign) refetches once.
const SIGNAL_DEBOUNCE_MS = 500;

interface ListState<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  readonly loading: boolean;
  readonly error?: Error;
}

/** A list query of the family's API: a page size and where the page starts. */
type PagedQuery = { limit?: unknown; cursor?: string };

/**
 * A list of tickets with cursor paging ("load more"), refetched when the
 * backend signals a change so the countdowns start from fresh clocks.
 */
export function useTicketList(query: ListTicketsQuery) {
  const api = useApi(ticketsApiRef);
  const list = useCallback((q: ListTicketsQuery) => api.listTickets(q), [api]);
  return usePagedList<ListTicketsQuery, Ticket>(list, query);
}

/** A list of changes, paged and refetched like the tickets'. */
export function useChangeList(query: ListChangesQuery) {
  const api = useApi(ticketsApiRef);
  const list = useCallback((q: ListChangesQuery) => api.listChanges(q), [api]);
  return usePagedList<ListChangesQuery, Change>(list, query);
}

/** Pages of one of the family's lists, refetched on every change signal. */
function usePagedList<Q extends PagedQuery, T>(
  list: (query: Q) => Promise<{ items: readonly T[]; nextCursor?: string }>,
  query: Q,
) {
  const [state, setState] = useState<ListState<T>>({
    items: [],
    loading: true,
  });
  // The query by value: callers may build a fresh object on every render.
  const queryKey = JSON.stringify(query);
  const pageSize = typeof query.limit === 'number' ? query.limit : PAGE_SIZE;
  // Only the newest request may write, whatever order responses arrive in.
  const generation = useRef(0);
  const loaded = useRef(0);

  const fetchPage = useCallback(
    async (extra: Partial<PagedQuery>, append: boolean) => {
      const request = ++generation.current;
      setState(previous => ({ ...previous, loading: true, error: undefined }));
      try {
        const page = await list({
          ...(JSON.parse(queryKey) as Q),
          ...extra,
        });
        if (request !== generation.current) return;
        setState(previous => {
          const items = append
            ? [...previous.items, ...page.items]
            : page.items;
          loaded.current = items.length;
          return { items, nextCursor: page.nextCursor, loading: false };
        });
      } catch (error) {
        if (request !== generation.current) return;
        setState(previous => ({
          ...previous,
          loading: false,
          error: toError(error),
        }));
      }
    },
    [list, queryKey],
  );

  useEffect(() => {
    setState({ items: [], loading: true });
    loaded.current = 0;
    fetchPage({ limit: pageSize }, false);
  }, [fetchPage, pageSize]);

  const loadMore = useCallback(() => {
    if (state.nextCursor) {
      fetchPage({ limit: pageSize, cursor: state.nextCursor }, true);
    }
  }, [fetchPage, pageSize, state.nextCursor]);

  // Refetch as many rows as are shown, so a change does not collapse "load more".
  const refresh = useCallback(() => {
    const limit = Math.min(MAX_PAGE, Math.max(pageSize, loaded.current));
    fetchPage({ limit }, false);
  }, [fetchPage, pageSize]);

  const pending = useRef<ReturnType<typeof setTimeout>>();
  useTicketSignal(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(refresh, SIGNAL_DEBOUNCE_MS);
  });
  useEffect(() => () => clearTimeout(pending.current), []);

  return { ...state, loadMore };
}
