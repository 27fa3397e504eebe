import { InfoCard, Progress } from '@backstage/core-components';
import { CourtErrorPanel, useAsyncReload } from '@internal/plugin-court-react';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { inspectionsApiRef } from '../../api';
import { useMe } from '../../hooks/useMe';
import { inspectionsTranslationRef } from '../../translation';
import { RoundList } from '../shared/RoundList';
import { AdHocRoundForm } from './AdHocRoundForm';

/** Today's rounds, mine first, and "inspect now". */
export function TodayView() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const me = useMe();
  const today = useAsyncReload(() => api.getRounds(), [api]);

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={8}>
        {today.error && <CourtErrorPanel error={today.error} />}
        {!today.value && !today.error && <Progress />}
        {today.value && (
          <InfoCard title={t('today.title', { date: today.value.date })}>
            <div
              data-testid="today-rounds"
              data-working-day={String(today.value.workingDay)}
            >
              {!today.value.workingDay && (
                <Typography paragraph color="textSecondary">
                  {t('today.notWorkingDay', { date: today.value.date })}
                </Typography>
              )}
              <RoundList
                rounds={today.value.rounds}
                me={me}
                empty={t('today.empty')}
              />
            </div>
          </InfoCard>
        )}
      </Grid>
      <Grid item xs={12} md={4}>
        <AdHocRoundForm />
      </Grid>
    </Grid>
  );
}
