import { Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { calendarApiRef } from '../api';
import { calendarTranslationRef } from '../translation';

/**
 * The home-page banner while a year's official schedule is missing (from
 * `courtOps.calendar.warnFrom`). Only ops managers and the court IT office
 * may read the status; for everyone else, and when all is well, nothing.
 */
export function MissingYearBanner() {
  const { t } = useTranslationRef(calendarTranslationRef);
  const api = useApi(calendarApiRef);
  const status = useAsync(() => api.getStatus(), [api]);
  const year = status.value?.missingYear;
  if (year === undefined) return null;
  const thisYear = year === Number(status.value!.today.slice(0, 4));
  return (
    <Alert
      severity={thisYear ? 'error' : 'warning'}
      data-testid="missing-year-banner"
      action={
        <Link to="/calendar">{t('banner.action', { year: String(year) })}</Link>
      }
      style={{ marginBottom: 12 }}
    >
      {t(thisYear ? 'banner.thisYear' : 'banner.nextYear', {
        year: String(year),
      })}
    </Alert>
  );
}
