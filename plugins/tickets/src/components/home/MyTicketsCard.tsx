import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  changeCreatePermission,
  type ListTicketsQuery,
} from '@internal/plugin-tickets-common';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';
import { HomeCard } from './HomeCard';

const LIMIT = 10;
/** Those who work tickets: what is assigned to them and still open, the most urgent first. */
const ASSIGNED: ListTicketsQuery = { assignee: 'me', open: 'true', sort: 'due', limit: LIMIT };
/** Court staff: what they reported, the latest news first. */
const REPORTED: ListTicketsQuery = { reporter: 'me', sort: 'updated', limit: LIMIT };
const WORKER_COLUMNS: readonly TicketColumn[] = ['number', 'title', 'level', 'clocks'];
const REQUESTER_COLUMNS: readonly TicketColumn[] = ['number', 'title', 'status', 'updated'];

function TicketsOf(props: { worker: boolean }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const list = useTicketList(props.worker ? ASSIGNED : REPORTED);
  const desk = links.desk();
  return (
    <HomeCard
      testId="my-tickets-card"
      title={props.worker ? t('home.assignedToMe') : t('home.reportedByMe')}
      more={{
        to: desk && (props.worker ? `${desk}?view=mine` : desk),
        label: t('home.openDesk'),
      }}
    >
      <TicketListView
        list={{ ...list, nextCursor: undefined }}
        columns={props.worker ? WORKER_COLUMNS : REQUESTER_COLUMNS}
        empty={props.worker ? t('home.assignedEmpty') : t('requester.empty')}
      />
    </HomeCard>
  );
}

/** Home card: my tickets; assigned to me for those who work tickets, reported by me for court staff. */
export function MyTicketsCard() {
  // Granted to exactly those who work tickets (the role table's WORK), and basic, so the browser can ask.
  const work = usePermission({ permission: changeCreatePermission });
  if (work.loading) return null;
  return <TicketsOf worker={work.allowed} />;
}
