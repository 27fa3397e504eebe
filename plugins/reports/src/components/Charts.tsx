import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { PeriodFigures } from '@internal/plugin-reports-common';
import { PRIORITY_LEVELS } from '@internal/plugin-sla-common';
import { DESK_TICKET_TYPES } from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import { formatHours, formatPercent } from '../format';
import { reportsTranslationRef } from '../translation';
import { BarChart } from './BarChart';
import { EntityName } from './common';

/** met / (met + breached) of a level over its three clocks, as the total's percent is defined. */
function levelCompliance(figures: PeriodFigures) {
  return PRIORITY_LEVELS.flatMap(level => {
    const rows = figures.tickets.compliance.byLevel.filter(
      r => r.level === level,
    );
    const met = rows.reduce((sum, r) => sum + r.met, 0);
    const ended = met + rows.reduce((sum, r) => sum + r.breached, 0);
    return ended === 0 ? [] : [{ level, percent: (met / ended) * 100 }];
  });
}

/** Compliance by level, services by type and by system, work hours by engineer. */
export function Charts(props: { figures: PeriodFigures }) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const { tickets } = props.figures;
  const empty = t('chart.empty');
  return (
    <Grid container spacing={2} style={{ marginTop: 16 }}>
      <Grid item xs={12} md={6}>
        <BarChart
          title={t('chart.complianceByLevel')}
          testId="chart-compliance"
          empty={empty}
          max={100}
          bars={levelCompliance(props.figures).map(({ level, percent }) => ({
            key: level,
            label: level,
            value: percent,
            text: formatPercent(percent)!,
          }))}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <BarChart
          title={t('chart.servicesByType')}
          testId="chart-types"
          empty={empty}
          bars={DESK_TICKET_TYPES.filter(
            type => tickets.services.byType[type] > 0,
          ).map(type => ({
            key: type,
            label: t(`type.${type}`),
            value: tickets.services.byType[type],
            text: String(tickets.services.byType[type]),
          }))}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <BarChart
          title={t('chart.servicesBySystem')}
          testId="chart-systems"
          empty={empty}
          bars={tickets.services.bySystem.map(row => ({
            key: row.systemRef,
            label: <EntityName entityRef={row.systemRef} />,
            value: row.count,
            text: String(row.count),
          }))}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <BarChart
          title={t('chart.workByEngineer')}
          testId="chart-work"
          empty={empty}
          bars={tickets.workMinutes.byEngineer.map(row => ({
            key: row.engineer,
            label: <EntityName entityRef={row.engineer} />,
            value: row.minutes,
            text: formatHours(row.minutes),
          }))}
        />
      </Grid>
    </Grid>
  );
}
