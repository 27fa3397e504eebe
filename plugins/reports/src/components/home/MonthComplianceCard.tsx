import { Link, Progress } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reportsApiRef } from '../../api';
import { formatPercent } from '../../format';
import { monthSoFar } from '../../period';
import { rootRouteRef } from '../../routes';
import { reportsTranslationRef } from '../../translation';

/** Home card for the court IT office: the whole court's SLA compliance this month so far. */
export function MonthComplianceCard() {
  const { t } = useTranslationRef(reportsTranslationRef);
  const api = useApi(reportsApiRef);
  const reports = useRouteRef(rootRouteRef)?.();
  const period = useMemo(() => monthSoFar(), []);
  const figures = useAsync(
    () => api.getFigures({ kind: 'custom', ...period }),
    [api, period],
  );
  const total = figures.value?.current.tickets.compliance.total;
  return (
    <div data-testid="month-compliance-card">
      <Typography variant="h6" gutterBottom>
        {t('home.monthCompliance')}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {t('home.period', period)}
      </Typography>
      {figures.loading && <Progress />}
      {figures.error && <CourtErrorPanel error={figures.error} />}
      {total && (
        <>
          <Typography variant="h3" data-testid="month-compliance-percent">
            {formatPercent(total.percent) ?? t('tile.none')}
          </Typography>
          <Typography variant="body2">
            {t('home.counts', {
              met: String(total.met),
              breached: String(total.breached),
              running: String(total.running),
            })}
          </Typography>
        </>
      )}
      {reports && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={reports}>{t('home.openReports')}</Link>
        </Typography>
      )}
    </div>
  );
}
