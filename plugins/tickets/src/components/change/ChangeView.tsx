import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  changeApprovePermission,
  ticketUpdatePermission,
  ticketWorkPermission,
} from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { useChangeDetail } from '../../hooks/useChangeDetail';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { CommentsCard } from '../ticket/CommentsCard';
import { TicketTimeline } from '../ticket/TicketTimeline';
import { useTicketMutation } from '../ticket/useTicketMutation';
import { ChangeActions } from './ChangeActions';
import { ChangeHeader } from './ChangeHeader';
import { ChangeWarnings } from './ChangeWarnings';
import { ParameterEditsCard } from './ParameterEditsCard';

/** Everything about one change, live: what and why, warnings, the steps open, edits, history. */
export function ChangeView(props: { changeRef: string }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const { detail, loading, error, reload } = useChangeDetail(props.changeRef);
  const { failure, mutate } = useTicketMutation(reload);
  const changeId = detail?.change.id;
  const canApprove = usePermission({
    permission: changeApprovePermission,
  }).allowed;
  const canWork = usePermission({
    permission: ticketWorkPermission,
    resourceRef: changeId,
  }).allowed;
  const canUpdate = usePermission({
    permission: ticketUpdatePermission,
    resourceRef: changeId,
  }).allowed;
  const identityApi = useApi(identityApiRef);
  const user = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  ).value;

  if (!detail) {
    return error && !loading ? (
      <ResponseErrorPanel error={error} />
    ) : (
      <Progress />
    );
  }
  const { change } = detail;
  const back = links.changes();

  return (
    <Grid container spacing={3} data-testid="change-view">
      {back && (
        <Grid item xs={12}>
          <Link to={back}>{t('page.backToChanges')}</Link>
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
            <Alert severity="warning" data-testid="change-conflict">
              {t('change.conflict')}
            </Alert>
          ) : (
            <Alert severity="error" data-testid="change-error">
              {t('change.actionFailed', { message: failure.message })}
            </Alert>
          )}
        </Grid>
      )}
      <Grid item xs={12}>
        <ChangeHeader change={change} />
      </Grid>
      {detail.warnings.length > 0 && (
        <Grid item xs={12}>
          <ChangeWarnings warnings={detail.warnings} />
        </Grid>
      )}
      <Grid item xs={12}>
        <ChangeActions
          change={change}
          warnings={detail.warnings}
          canApprove={canApprove}
          canWork={canWork}
          user={user}
          mutate={mutate}
        />
      </Grid>
      <Grid item xs={12}>
        <ParameterEditsCard edits={change.change.parameterEdits} />
      </Grid>
      <Grid item xs={12} md={7}>
        <TicketTimeline events={detail.events} />
      </Grid>
      <Grid item xs={12} md={5}>
        <CommentsCard
          ticket={change}
          events={detail.events}
          canComment={canUpdate}
          mutate={mutate}
        />
      </Grid>
    </Grid>
  );
}
