import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ticketsApiRef } from '../../api';
import { ticketsTranslationRef } from '../../translation';

const PERIODS = ['month', 'lastMonth', 'quarter', 'year'] as const;
type Period = (typeof PERIODS)[number];

/** A period in the court's zone, as the report asks for it. */
function periodOf(period: Period): { from: string; to: string } {
  const month = DateTime.now().setZone(DEFAULT_ZONE).startOf('month');
  const [from, to] = {
    month: [month, month.plus({ months: 1 })],
    lastMonth: [month.minus({ months: 1 }), month],
    quarter: [month.minus({ months: 2 }), month.plus({ months: 1 })],
    year: [month.startOf('year'), month.startOf('year').plus({ years: 1 })],
  }[period];
  return { from: from.toISO()!, to: to.toISO()! };
}

/** 变更成功率 (CHG-4): the share of changes ended in the period that succeeded. */
export function SuccessRateCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const api = useApi(ticketsApiRef);
  const [period, setPeriod] = useState<Period>('month');
  const { value, loading, error } = useAsync(
    () => api.getChangeSuccessRate(periodOf(period)),
    [api, period],
  );

  return (
    <InfoCard
      title={t('successRate.title')}
      action={
        <TextField
          select
          size="small"
          label={t('successRate.period')}
          value={period}
          onChange={event => setPeriod(event.target.value as Period)}
          inputProps={{ 'data-testid': 'success-rate-period' }}
        >
          {PERIODS.map(p => (
            <MenuItem key={p} value={p}>
              {t(`successRate.periods.${p}`)}
            </MenuItem>
          ))}
        </TextField>
      }
    >
      {error && <ResponseErrorPanel error={error} />}
      {loading && <Progress />}
      {value && (
        <div data-testid="success-rate">
          <Typography
            variant="h4"
            component="p"
            data-testid="success-rate-value"
          >
            {value.rate === undefined
              ? '—'
              : t('successRate.rate', {
                  rate: (value.rate * 100).toFixed(1),
                })}
          </Typography>
          <Typography variant="body2">
            {value.rate === undefined
              ? t('successRate.none')
              : `${t('successRate.succeeded')} ${value.succeeded} · ${t(
                  'successRate.failed',
                )} ${value.failed} · ${t('successRate.rolledBack')} ${
                  value.rolledBack
                }`}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {t('successRate.emergency', {
              succeeded: String(value.emergency.succeeded),
              failed: String(value.emergency.failed),
              rolledBack: String(value.emergency.rolledBack),
            })}
          </Typography>
        </div>
      )}
    </InfoCard>
  );
}
