import { InfoCard, LinkButton } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { ticketCreatePermission } from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';
import { useEntityScope } from './useEntityScope';

const OPEN_COLUMNS: readonly TicketColumn[] = [
  'number',
  'title',
  'type',
  'level',
  'status',
  'assignee',
  'clocks',
];
const RECENT_COLUMNS: readonly TicketColumn[] = [
  'number',
  'title',
  'type',
  'status',
  'updated',
];
const RECENT = 10;

/** "Tickets" on a system or device: what is open on it now, and what happened lately. */
export function EntityTicketsContent() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const scope = useEntityScope();
  const links = useTicketLinks();
  const canCreate = usePermission({ permission: ticketCreatePermission });
  const open = useTicketList({ ...scope.filter, open: 'true', sort: 'due' });
  const recent = useTicketList({
    ...scope.filter,
    sort: 'updated',
    limit: RECENT,
  });
  const newTicket = links.newTicket(scope.ref);

  return (
    <Grid container spacing={3} data-testid="entity-tickets">
      <Grid item xs={12}>
        <InfoCard
          title={t('entity.open')}
          action={
            canCreate.allowed && newTicket ? (
              <LinkButton
                to={newTicket}
                color="primary"
                variant="contained"
                data-testid="entity-new-ticket"
              >
                {t('entity.newTicket')}
              </LinkButton>
            ) : undefined
          }
        >
          <TicketListView
            list={open}
            columns={OPEN_COLUMNS}
            empty={t('entity.emptyOpen')}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={t('entity.recent')}>
          <TicketListView
            list={recent}
            columns={RECENT_COLUMNS}
            empty={t('entity.emptyRecent')}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
