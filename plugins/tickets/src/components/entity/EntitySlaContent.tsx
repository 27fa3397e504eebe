import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CLOCK_NAMES,
  PRIORITY_LEVELS,
  type SlaPolicy,
} from '@internal/plugin-sla-common';
import {
  ticketReadAllPermission,
  type ComplianceRow,
} from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ticketsApiRef } from '../../api';
import { courtMonth } from '../../format';
import { useSlaEngine } from '../../hooks/useSlaEngine';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { LevelChip } from '../shared/labels';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';
import { useTargetText } from '../shared/useTargetText';
import { useEntityScope, type EntityTicketFilter } from './useEntityScope';

const OPEN_COLUMNS: readonly TicketColumn[] = [
  'number',
  'title',
  'level',
  'status',
  'clocks',
];

/** The active policy's targets, level by level. */
function PolicyTargets(props: { policy: SlaPolicy }) {
  const { policy } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const targetText = useTargetText();
  return (
    <Table size="small" data-testid="policy-targets">
      <TableHead>
        <TableRow>
          <TableCell>{t('sla.levelColumn')}</TableCell>
          {CLOCK_NAMES.map(clock => (
            <TableCell key={clock}>{t(`clock.${clock}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {PRIORITY_LEVELS.map(level => (
          <TableRow key={level}>
            <TableCell>
              <LevelChip level={level} />
            </TableCell>
            {CLOCK_NAMES.map(clock => (
              <TableCell key={clock}>
                {targetText(policy.levels[level][clock])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const byClockThenLevel = (a: ComplianceRow, b: ComplianceRow) =>
  CLOCK_NAMES.indexOf(a.clock) - CLOCK_NAMES.indexOf(b.clock) ||
  PRIORITY_LEVELS.indexOf(a.level) - PRIORITY_LEVELS.indexOf(b.level);

/** Clocks met and breached this month, per clock and level (SLA-5). */
function MonthCompliance(props: { filter: EntityTicketFilter }) {
  const { filter } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const api = useApi(ticketsApiRef);
  const month = useMemo(courtMonth, []);
  const report = useAsync(
    () => api.getCompliance({ from: month.from, to: month.to, ...filter }),
    [api, month, filter],
  );

  let content;
  if (report.loading) content = <Progress />;
  else if (report.error) content = <ResponseErrorPanel error={report.error} />;
  else if (!report.value?.rows.length) {
    content = (
      <Typography variant="body2" color="textSecondary">
        {t('sla.noCompliance')}
      </Typography>
    );
  } else {
    content = (
      <Table size="small" data-testid="compliance">
        <TableHead>
          <TableRow>
            <TableCell>{t('preview.clockColumn')}</TableCell>
            <TableCell>{t('sla.levelColumn')}</TableCell>
            <TableCell>{t('sla.met')}</TableCell>
            <TableCell>{t('sla.breached')}</TableCell>
            <TableCell>{t('sla.running')}</TableCell>
            <TableCell>{t('sla.rate')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...report.value.rows].sort(byClockThenLevel).map(row => {
            const decided = row.met + row.breached;
            return (
              <TableRow
                key={`${row.clock}-${row.level}`}
                data-testid={`compliance-${row.clock}-${row.level}`}
              >
                <TableCell>{t(`clock.${row.clock}`)}</TableCell>
                <TableCell>
                  <LevelChip level={row.level} />
                </TableCell>
                <TableCell>{row.met}</TableCell>
                <TableCell>{row.breached}</TableCell>
                <TableCell>{row.running}</TableCell>
                <TableCell>
                  {decided > 0
                    ? `${Math.round((100 * row.met) / decided)}%`
                    : t('countdown.none')}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );
  }
  return (
    <InfoCard title={t('sla.compliance', { month: month.label })}>
      {content}
    </InfoCard>
  );
}

/** "SLA" on a system or device: the targets, its open tickets' clocks, this month's record. */
export function EntitySlaContent() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const scope = useEntityScope();
  const sla = useSlaEngine();
  const open = useTicketList({ ...scope.filter, open: 'true', sort: 'due' });
  // Compliance figures are the desk's picture (tickets.ticket.read-all).
  const readAll = usePermission({ permission: ticketReadAllPermission });

  return (
    <Grid container spacing={3} data-testid="entity-sla">
      <Grid item xs={12}>
        <InfoCard title={t('sla.policy')}>
          {sla.error && <ResponseErrorPanel error={sla.error} />}
          {sla.loading && <Progress />}
          {sla.engine && <PolicyTargets policy={sla.engine.activePolicy()} />}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={t('sla.openClocks')}>
          <TicketListView
            list={open}
            columns={OPEN_COLUMNS}
            empty={t('entity.emptyOpen')}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {readAll.allowed ? (
          <MonthCompliance filter={scope.filter} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('sla.complianceRestricted')}
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
