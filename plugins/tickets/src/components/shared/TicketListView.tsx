import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import type { ReactNode } from 'react';
import type { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketTable, type TicketColumn } from './TicketTable';

/** What a paged list of the family shows while it loads and pages. */
export interface PagedListState {
  readonly items: readonly unknown[];
  readonly loading: boolean;
  readonly error?: Error;
  readonly nextCursor?: string;
  loadMore(): void;
}

/** A paged list around its table: a spinner on first load, errors, "load more". */
export function PagedList(props: {
  list: PagedListState;
  children: ReactNode;
}) {
  const { list } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  return (
    <>
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.loading && list.items.length === 0 ? <Progress /> : props.children}
      {list.nextCursor && (
        <Button
          onClick={list.loadMore}
          disabled={list.loading}
          data-testid="load-more"
          style={{ marginTop: 16 }}
        >
          {t('queue.loadMore')}
        </Button>
      )}
    </>
  );
}

/** A paged ticket list: its rows, a spinner on first load, errors, "load more". */
export function TicketListView(props: {
  list: ReturnType<typeof useTicketList>;
  columns: readonly TicketColumn[];
  empty: string;
  testId?: string;
}) {
  return (
    <PagedList list={props.list}>
      <TicketTable
        testId={props.testId}
        tickets={props.list.items}
        columns={props.columns}
        empty={props.empty}
      />
    </PagedList>
  );
}
