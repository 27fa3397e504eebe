import { InfoCard, LinkButton } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ListTicketsQuery } from '@internal/plugin-tickets-common';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';

const QUERY: ListTicketsQuery = { reporter: 'me', sort: 'updated' };
const COLUMNS: readonly TicketColumn[] = [
  'number',
  'title',
  'type',
  'status',
  'assignee',
  'created',
  'updated',
];

/** Court staff see what they reported and where it stands, not the desk's queue. */
export function RequesterView() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const list = useTicketList(QUERY);
  const newTicket = links.newTicket();

  return (
    <InfoCard
      title={t('requester.title')}
      subheader={t('requester.intro')}
      action={
        newTicket && (
          <LinkButton
            to={newTicket}
            color="primary"
            variant="contained"
            data-testid="new-ticket-button"
          >
            {t('requester.report')}
          </LinkButton>
        )
      }
    >
      <div data-testid="requester-view">
        <TicketListView
          list={list}
          columns={COLUMNS}
          empty={t('requester.empty')}
        />
      </div>
    </InfoCard>
  );
}
