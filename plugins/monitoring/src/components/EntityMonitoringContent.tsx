import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import Grid from '@material-ui/core/Grid';
import { monitoringApiRef } from '../api';
import { useLiveAlerts } from '../hooks/useLiveAlerts';
import { monitoringTranslationRef } from '../translation';
import { AlertTable } from './AlertTable';

/** The Monitoring tab of a system (its devices' alerts too) or a device: open alerts, then history. */
export function EntityMonitoringContent() {
  const { t } = useTranslationRef(monitoringTranslationRef);
  const { entity } = useEntity();
  const api = useApi(monitoringApiRef);
  const entityRef = stringifyEntityRef(entity);
  const alerts = useLiveAlerts(
    () => api.listIncidents({ entityRef, limit: 200 }),
    [api, entityRef],
  );
  if (alerts.error) return <CourtErrorPanel error={alerts.error} />;
  if (!alerts.value) return <Progress />;
  const open = alerts.value.filter(alert => alert.status === 'open');
  const history = alerts.value.filter(alert => alert.status !== 'open');
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <InfoCard title={t('entity.open')}>
          <AlertTable alerts={open} testId="monitoring-entity-open" />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={t('entity.history')}>
          <AlertTable alerts={history} testId="monitoring-entity-history" />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
