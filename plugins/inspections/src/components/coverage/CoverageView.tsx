import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CoverageRow,
  OverdueCheck,
  shownCoverage,
} from '@internal/plugin-inspections-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { isForbidden } from '../../errors';
import { useNames } from '../../hooks/useNames';
import { inspectionsTranslationRef } from '../../translation';
import { VirusSummaryCard } from './VirusSummaryCard';

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** Periods people ask about, in the court's zone. */
function presets(now = DateTime.now().setZone('Asia/Shanghai')) {
  const month = now.startOf('month');
  return {
    thisMonth: { from: month.toISODate()!, to: now.toISODate()! },
    lastMonth: {
      from: month.minus({ months: 1 }).toISODate()!,
      to: month.minus({ days: 1 }).toISODate()!,
    },
    thisYear: { from: now.startOf('year').toISODate()!, to: now.toISODate()! },
  };
}

/** Coverage for a period: per system and device class, the overdue list, the virus summary. */
export function CoverageView() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const names = useNames();
  const periods = presets();
  const [period, setPeriod] = useState(periods.thisMonth);
  const report = useAsync(() => api.getCoverage(period), [api, period.from, period.to]);
  const coverageText = (figures: { checksDue: number; coverage: number }) => {
    const shown = shownCoverage(figures);
    return shown === undefined ? t('coverage.nothingDue') : percent(shown);
  };

  const figureColumns: TableColumn<CoverageRow>[] = [
    { title: t('coverage.devices'), field: 'devices', type: 'numeric' },
    { title: t('coverage.inspected'), field: 'inspected', type: 'numeric' },
    { title: t('coverage.overdue'), field: 'overdue', type: 'numeric' },
    { title: t('coverage.failed'), field: 'failed', type: 'numeric' },
    {
      title: t('coverage.coverage'),
      field: 'coverage',
      type: 'numeric',
      render: row => coverageText(row),
    },
  ];
  const overdueColumns: TableColumn<OverdueCheck>[] = [
    {
      title: t('coverage.device'),
      render: row => <EntityRefLink entityRef={row.deviceRef} title={row.deviceTitle} />,
    },
    { title: t('coverage.dueDate'), field: 'dueDate' },
    { title: t('coverage.dueBy'), field: 'dueBy' },
    {
      title: t('coverage.assignee'),
      render: row => (row.assignee ? <EntityRefLink entityRef={row.assignee} /> : '–'),
    },
  ];

  return (
    <Grid container spacing={2} data-testid="coverage">
      <Grid item xs={12}>
        <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
          {(['thisMonth', 'lastMonth', 'thisYear'] as const).map(name => (
            <Button key={name} variant="outlined" size="small" onClick={() => setPeriod(periods[name])}>
              {t(`coverage.${name}`)}
            </Button>
          ))}
          {(['from', 'to'] as const).map(end => (
            <TextField
              key={end}
              type="date"
              size="small"
              variant="outlined"
              label={t(`coverage.${end}`)}
              value={period[end]}
              onChange={e => e.target.value && setPeriod({ ...period, [end]: e.target.value })}
              InputLabelProps={{ shrink: true }}
              inputProps={{ 'data-testid': `coverage-${end}` }}
            />
          ))}
        </Box>
      </Grid>
      {report.loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {report.error && (
        <Grid item xs={12}>
          {isForbidden(report.error) ? (
            <Alert severity="info">{t('coverage.restricted')}</Alert>
          ) : (
            <CourtErrorPanel error={report.error} />
          )}
        </Grid>
      )}
      {report.value && (
        <>
          <Grid item xs={12}>
            <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} data-testid="coverage-totals">
              {(['devices', 'inspected', 'overdue', 'pending', 'failed'] as const).map(name => (
                <Box key={name} data-testid={`total-${name}`}>
                  <Typography variant="h4">{report.value!.totals[name]}</Typography>
                  <Typography variant="caption">{t(`coverage.${name}`)}</Typography>
                </Box>
              ))}
              <Box>
                <Typography variant="h4" data-testid="total-coverage">
                  {coverageText(report.value.totals)}
                </Typography>
                <Typography variant="caption">{t('coverage.coverage')}</Typography>
              </Box>
            </Box>
            <Typography variant="caption" color="textSecondary">
              {t('coverage.asOf', { date: report.value.asOf })}
            </Typography>
          </Grid>
          <Grid item xs={12} lg={6}>
            <Table
              title={t('coverage.bySystem')}
              options={{ paging: false, search: false, padding: 'dense' }}
              data={report.value.bySystem}
              columns={[
                {
                  title: t('labels.system'),
                  render: row =>
                    row.key ? <EntityRefLink entityRef={row.key} /> : t('coverage.noSystem'),
                },
                ...figureColumns,
              ]}
            />
          </Grid>
          <Grid item xs={12} lg={6}>
            <Table
              title={t('coverage.byClass')}
              options={{ paging: false, search: false, padding: 'dense' }}
              data={report.value.byClass}
              columns={[
                { title: t('plans.devices'), render: row => names.deviceClass(row.key) },
                ...figureColumns,
              ]}
            />
          </Grid>
          <Grid item xs={12}>
            <InfoCard title={t('coverage.overdueList')}>
              {report.value.overdue.length === 0 ? (
                <Typography color="textSecondary">{t('coverage.noOverdue')}</Typography>
              ) : (
                <Table
                  options={{ paging: true, pageSize: 20, search: false, toolbar: false, padding: 'dense' }}
                  data={report.value.overdue}
                  columns={overdueColumns}
                />
              )}
            </InfoCard>
          </Grid>
        </>
      )}
      <Grid item xs={12} md={6}>
        <VirusSummaryCard from={period.from} to={period.to} />
      </Grid>
    </Grid>
  );
}
