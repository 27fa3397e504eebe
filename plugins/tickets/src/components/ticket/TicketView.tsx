import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ticketUpdatePermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { Navigate } from 'react-router-dom';
import { useTicketDetail } from '../../hooks/useTicketDetail';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { AccessCard } from './AccessCard';
import { CommentsCard } from './CommentsCard';
import { KnownErrorAction } from './KnownErrorAction';
import { LinksCard } from './LinksCard';
import { OnCallCard } from './OnCallCard';
import { TicketActions } from './TicketActions';
import { TicketClocks } from './TicketClocks';
import { TicketHeader } from './TicketHeader';
import { TicketTimeline } from './TicketTimeline';
import { useTicketMutation } from './useTicketMutation';
import { WorkLogCard } from './WorkLogCard';

/** Everything about one ticket, live: header, clocks, actions, history, work and links. */
export function TicketView(props: { ticketRef: string }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const { detail, loading, error, reload } = useTicketDetail(props.ticketRef);
  const { failure, mutate } = useTicketMutation(reload);
  const ticketId = detail?.ticket.id;
  const canWork = usePermission({
    permission: ticketWorkPermission,
    resourceRef: ticketId,
  }).allowed;
  const canUpdate = usePermission({
    permission: ticketUpdatePermission,
    resourceRef: ticketId,
  }).allowed;

  if (!detail) {
    return error && !loading ? (
      <ResponseErrorPanel error={error} />
    ) : (
      <Progress />
    );
  }
  const { ticket } = detail;
  const desk = links.desk();
  // A change reached by its number under /tickets has its own page.
  const changePage =
    ticket.type === 'change' ? links.ticket(ticket.number) : undefined;
  if (changePage) return <Navigate to={changePage} replace />;

  return (
    <Grid container spacing={3}>
      {desk && (
        <Grid item xs={12}>
          <Link to={desk}>{t('page.backToDesk')}</Link>
        </Grid>
      )}
      {error && (
        <Grid item xs={12}>
          <ResponseErrorPanel error={error} />
        </Grid>
      )}
      {failure && (
        <Grid item xs={12}>
          {failure.conflict ? (
            <Alert severity="warning" data-testid="ticket-conflict">
              {t('ticket.conflict')}
            </Alert>
          ) : (
            <Alert severity="error" data-testid="ticket-error">
              {t('ticket.actionFailed', { message: failure.message })}
            </Alert>
          )}
        </Grid>
      )}
      <Grid item xs={12}>
        <TicketHeader ticket={ticket} />
      </Grid>
      <Grid item xs={12}>
        <TicketActions ticket={ticket} canWork={canWork} mutate={mutate} />
        <KnownErrorAction ticket={ticket} canWork={canWork} mutate={mutate} />
      </Grid>
      <Grid item xs={12}>
        <TicketClocks ticket={ticket} />
      </Grid>
      <Grid item xs={12} md={7}>
        <TicketTimeline events={detail.events} />
      </Grid>
      <Grid item xs={12} md={5}>
        <Grid container spacing={3} direction="column">
          <Grid item>
            <OnCallCard ticket={ticket} events={detail.events} />
          </Grid>
          <Grid item>
            <CommentsCard
              ticket={ticket}
              events={detail.events}
              canComment={canUpdate}
              mutate={mutate}
            />
          </Grid>
          <Grid item>
            <WorkLogCard
              ticket={ticket}
              workLogs={detail.workLogs}
              canLog={canWork}
              mutate={mutate}
            />
          </Grid>
          <Grid item>
            <AccessCard ticket={ticket} />
          </Grid>
          <Grid item>
            <LinksCard
              ticket={ticket}
              links={detail.links}
              canLink={canUpdate}
              mutate={mutate}
            />
          </Grid>
        </Grid>
      </Grid>
    </Grid>
  );
}
