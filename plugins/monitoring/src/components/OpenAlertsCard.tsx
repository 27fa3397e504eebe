import { Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { monitoringApiRef } from '../api';
import { useLiveAlerts } from '../hooks/useLiveAlerts';
import { useMonitoringLinks } from '../hooks/useLinks';
import { monitoringTranslationRef } from '../translation';
import { IncidentLink } from './AlertTable';
import { courtTime } from './format';

/** How many open alerts the card lists; the board has the rest. */
const SHOWN = 10;

/** Home card for the desk: the newest open alerts, each with the incident it made. */
export function OpenAlertsCard() {
  const { t } = useTranslationRef(monitoringTranslationRef);
  const api = useApi(monitoringApiRef);
  const links = useMonitoringLinks();
  const open = useLiveAlerts(
    () => api.listIncidents({ status: 'open', limit: SHOWN }),
    [api],
  );
  const root = links.root();
  return (
    <div data-testid="monitoring-open-alerts-card">
      <Typography variant="h6" gutterBottom>
        {t('home.title')}
      </Typography>
      {open.error && <CourtErrorPanel error={open.error} />}
      {!open.value && !open.error && <Progress />}
      {open.value?.length === 0 && (
        <Typography color="textSecondary">{t('home.none')}</Typography>
      )}
      {open.value && open.value.length > 0 && (
        <List dense disablePadding>
          {open.value.map(alert => (
            <ListItem key={alert.fingerprint} disableGutters>
              <ListItemText
                primary={
                  <>
                    {t(`severity.${alert.severity}`)} · {alert.title} ·{' '}
                    <IncidentLink ticketNumber={alert.ticketNumber} />
                  </>
                }
                secondary={`${alert.entityRef ?? alert.system ?? ''} · ${t(
                  'field.lastSeen',
                )} ${courtTime(alert.lastSeen)} · ×${alert.occurrences}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {root && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={root}>{t('home.openBoard')}</Link>
        </Typography>
      )}
    </div>
  );
}
