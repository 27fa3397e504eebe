import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { accessApiRef } from '../api';
import { courtTime, shortRef } from '../format';
import { accessTranslationRef } from '../translation';

/**
 * Home card: the engineer's own grants that are live or about to start, with
 * the code the staff member at the desk will ask for. The server says which
 * are live; the card only lists them.
 */
export function MyGrantsCard() {
  const { t } = useTranslationRef(accessTranslationRef);
  const api = useApi(accessApiRef);
  const grants = useAsync(
    () => api.listGrants({ requestedBy: 'me', state: ['live', 'approved'] }),
    [api],
  );
  return (
    <div data-testid="my-grants-card">
      <Typography variant="h6" gutterBottom>
        {t('home.title')}
      </Typography>
      {grants.loading && <Progress />}
      {grants.error && <CourtErrorPanel error={grants.error} />}
      {grants.value?.length === 0 && (
        <Typography variant="body2">{t('home.empty')}</Typography>
      )}
      {grants.value && grants.value.length > 0 && (
        <List dense>
          {grants.value.map(g => (
            <ListItem key={g.id} data-testid="my-grant">
              <ListItemText
                primary={`${shortRef(g.entityRef)} · ${g.ticket} · ${t(
                  `grantState.${g.state}`,
                )}`}
                secondary={`${courtTime(g.startsAt)} – ${courtTime(g.endsAt)}${
                  g.verificationCode
                    ? ` · ${t('field.code')} ${g.verificationCode}`
                    : ''
                }`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </div>
  );
}
