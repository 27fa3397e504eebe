import { InfoCard } from '@backstage/core-components';
import {
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AccessApi,
  GRANT_SCOPES,
  GrantScope,
  accessGrantRequestPermission,
} from '@internal/plugin-access-common';
import {
  accessApiRef,
  messageOf,
  useAsyncReload,
} from '@internal/plugin-court-react';
import type { Ticket } from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { formatInstant } from '../../format';
import { ticketsTranslationRef } from '../../translation';

/** Grants start and end by the clock: look again this often, so an expired one goes. */
const REFRESH_MS = 30_000;

/**
 * Access to the ticket's devices (SEC-1): the grants in force or awaiting
 * the IT office, each with the verification code the staff member checks
 * the engineer against; an engineer requests access here. Shown only where
 * the access plugin is installed.
 */
export function AccessCard(props: { ticket: Ticket }) {
  const access = useApiHolder().get(accessApiRef);
  return access ? <AccessGrants ticket={props.ticket} access={access} /> : null;
}

function AccessGrants(props: { ticket: Ticket; access: AccessApi }) {
  const { ticket, access } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const grants = useAsyncReload(
    () =>
      access.listGrants({
        ticket: ticket.number,
        state: ['requested', 'approved', 'live'],
      }),
    [access, ticket.number],
  );
  useInterval(grants.retry, REFRESH_MS);
  const { allowed: mayRequest } = usePermission({
    permission: accessGrantRequestPermission,
  });

  return (
    <InfoCard title={t('access.title')}>
      <div data-testid="ticket-access">
        {grants.error && (
          <Typography color="error">{messageOf(grants.error)}</Typography>
        )}
        {grants.value?.length === 0 && (
          <Typography>{t('access.empty')}</Typography>
        )}
        <List dense>
          {grants.value?.map(grant => (
            <ListItem key={grant.id} data-testid="ticket-access-grant">
              <ListItemText
                primary={
                  <>
                    {grant.entityRef} · {t(`grantState.${grant.state}`)}
                    {grant.verificationCode && (
                      <Typography variant="h5" component="div">
                        {t('access.code')}：
                        <span data-testid="access-code">
                          {grant.verificationCode}
                        </span>
                      </Typography>
                    )}
                  </>
                }
                secondary={[
                  grant.scopes.map(s => t(`grantScope.${s}`)).join('、'),
                  t('access.window', {
                    from: formatInstant(grant.startsAt),
                    to: formatInstant(grant.endsAt),
                  }),
                  t('access.requestedBy', { name: grant.requestedBy }),
                ].join(' · ')}
              />
            </ListItem>
          ))}
        </List>
        {mayRequest && ticket.entityRefs.length > 0 && (
          <RequestForm
            ticket={ticket}
            access={access}
            onRequested={grants.retry}
          />
        )}
      </div>
    </InfoCard>
  );
}

function RequestForm(props: {
  ticket: Ticket;
  access: AccessApi;
  onRequested(): void;
}) {
  const { ticket, access } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const [entityRef, setEntityRef] = useState(ticket.entityRefs[0]);
  const [scopes, setScopes] = useState<GrantScope[]>(['view-screen']);
  const [minutes, setMinutes] = useState('60');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await access.requestGrant({
        entityRef,
        ticket: ticket.number,
        scopes,
        reason,
        durationMinutes: Number(minutes),
      });
      setReason('');
      props.onRequested();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="access-request">
      <TextField
        select
        label={t('access.device')}
        value={entityRef}
        onChange={e => setEntityRef(e.target.value)}
        fullWidth
        margin="dense"
      >
        {ticket.entityRefs.map(ref => (
          <MenuItem key={ref} value={ref}>
            {ref}
          </MenuItem>
        ))}
      </TextField>
      {GRANT_SCOPES.map(scope => (
        <FormControlLabel
          key={scope}
          label={t(`grantScope.${scope}`)}
          control={
            <Checkbox
              checked={scopes.includes(scope)}
              onChange={(_, checked) =>
                setScopes(
                  checked
                    ? [...scopes, scope]
                    : scopes.filter(s => s !== scope),
                )
              }
            />
          }
        />
      ))}
      <TextField
        label={t('access.minutes')}
        type="number"
        value={minutes}
        onChange={e => setMinutes(e.target.value)}
        margin="dense"
        inputProps={{ 'data-testid': 'access-minutes', min: 1 }}
      />
      <TextField
        label={t('access.reason')}
        value={reason}
        onChange={e => setReason(e.target.value)}
        fullWidth
        multiline
        margin="dense"
        inputProps={{ 'data-testid': 'access-reason' }}
      />
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <Button
        color="primary"
        variant="outlined"
        disabled={busy || reason.trim() === '' || scopes.length === 0}
        onClick={submit}
      >
        {t('access.request')}
      </Button>
    </div>
  );
}
