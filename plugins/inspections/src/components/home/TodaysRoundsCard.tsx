import { Link, Progress } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { useInspectionLinks } from '../../hooks/useLinks';
import { useMe } from '../../hooks/useMe';
import { inspectionsTranslationRef } from '../../translation';
import { RoundList } from '../shared/RoundList';

/** Home card: today's rounds, mine first, with how far each got. */
export function TodaysRoundsCard() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const links = useInspectionLinks();
  const me = useMe();
  const today = useAsync(() => api.getRounds(), [api]);
  const root = links.root();
  return (
    <div data-testid="todays-rounds-card">
      <Typography variant="h6" gutterBottom>
        {t('home.title')}
        {today.value && ` · ${today.value.date}`}
      </Typography>
      {today.loading && <Progress />}
      {today.error && <CourtErrorPanel error={today.error} />}
      {today.value && (
        <RoundList
          rounds={today.value.rounds}
          me={me}
          empty={
            today.value.workingDay
              ? t('today.empty')
              : t('today.notWorkingDay', { date: today.value.date })
          }
        />
      )}
      {root && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={root}>{t('home.openAll')}</Link>
        </Typography>
      )}
    </div>
  );
}
