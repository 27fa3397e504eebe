import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ListTicketsQuery } from '@internal/plugin-tickets-common';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';
import { HomeCard } from './HomeCard';

/** The desk's open queue, what is due first on top: the queue page's default view, shortened. */
const QUEUE: ListTicketsQuery = { open: 'true', sort: 'due', limit: 10 };
const COLUMNS: readonly TicketColumn[] = ['number', 'title', 'level', 'status', 'assignee', 'clocks'];

/** Home card for the service desk: its open queue. */
export function DeskQueueCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const desk = useTicketLinks().desk();
  const list = useTicketList(QUEUE);
  return (
    <HomeCard
      testId="desk-queue-card"
      title={t('home.queue')}
      more={{ to: desk, label: t('home.openDesk') }}
    >
      <TicketListView
        list={{ ...list, nextCursor: undefined }}
        columns={COLUMNS}
        empty={t('home.queueEmpty')}
      />
    </HomeCard>
  );
}
