import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import type { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketTable, type TicketColumn } from './TicketTable';

/** A paged ticket list: its rows, a spinner on first load, errors, "load more". */
export function TicketListView(props: {
  list: ReturnType<typeof useTicketList>;
  columns: readonly TicketColumn[];
  empty: string;
  testId?: string;
}) {
  const { list } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  return (
    <>
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.loading && list.items.length === 0 ? (
        <Progress />
      ) : (
        <TicketTable
          testId={props.testId}
          tickets={list.items}
          columns={props.columns}
          empty={props.empty}
        />
      )}
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
