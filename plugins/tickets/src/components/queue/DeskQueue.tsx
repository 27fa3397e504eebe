import { InfoCard, LinkButton } from '@backstage/core-components';
import {
  useAppSearchParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { ticketCreatePermission } from '@internal/plugin-tickets-common';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useCallback, useMemo } from 'react';
import { useEntityOptions } from '@internal/plugin-court-react';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';
import { QueueFilterBar } from './QueueFilterBar';
import {
  parseQueueParams,
  queueParams,
  QUEUE_VIEWS,
  toListQuery,
  type QueueFilters,
  type QueueView,
} from './queueParams';

const COLUMNS: readonly TicketColumn[] = [
  'number',
  'title',
  'type',
  'level',
  'status',
  'entities',
  'assignee',
  'clocks',
  'created',
];
const SYSTEM_KINDS = ['System'];
const USER_KINDS = ['User'];

/** The desk's queue: every open ticket with live SLA countdowns, filtered and paged. */
export function DeskQueue() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const canCreate = usePermission({ permission: ticketCreatePermission });
  const [params, setParams] = useAppSearchParams();
  const filters = useMemo(() => parseQueueParams(params), [params]);
  const setFilters = useCallback(
    (next: QueueFilters) => setParams(queueParams(next), { replace: true }),
    [setParams],
  );
  const query = useMemo(() => toListQuery(filters), [filters]);
  const list = useTicketList(query);
  const systems = useEntityOptions(SYSTEM_KINDS);
  const users = useEntityOptions(USER_KINDS);
  const newTicket = links.newTicket();

  const viewLabel = {
    open: t('queue.views.open'),
    mine: t('queue.views.mine'),
    'at-risk': t('queue.views.atRisk'),
  };

  return (
    <InfoCard
      title={t('queue.title')}
      action={
        canCreate.allowed && newTicket ? (
          <LinkButton
            to={newTicket}
            color="primary"
            variant="contained"
            data-testid="new-ticket-button"
          >
            {t('queue.newTicket')}
          </LinkButton>
        ) : undefined
      }
    >
      <Tabs
        value={filters.view}
        indicatorColor="primary"
        onChange={(_, view: QueueView) => setFilters({ ...filters, view })}
      >
        {QUEUE_VIEWS.map(view => (
          <Tab
            key={view}
            value={view}
            label={viewLabel[view]}
            data-testid={`queue-view-${view}`}
          />
        ))}
      </Tabs>
      <QueueFilterBar
        filters={filters}
        systems={systems.options}
        users={users.options}
        onChange={setFilters}
      />
      <TicketListView
        list={list}
        columns={COLUMNS}
        empty={t('queue.empty')}
        testId="ticket-queue"
      />
    </InfoCard>
  );
}
