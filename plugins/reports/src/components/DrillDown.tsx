import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import {
  periodWindow,
  ticketsCounted,
  type ReportRows,
  type ReportSelection,
  type ReportPeriod,
} from '@internal/plugin-reports-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatInstant } from '../format';
import { reportsTranslationRef } from '../translation';
import { TicketLink } from './common';

/**
 * The very tickets a tile or cell counted: the period's rows from the backend, filtered by the
 * rule the figure was counted with.
 */
export function DrillDown(props: {
  label: string;
  selection: ReportSelection;
  period: ReportPeriod;
  zone: string;
  rows: { loading: boolean; error?: Error; value?: ReportRows };
  onClose: () => void;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const { rows } = props;
  const tickets = rows.value
    ? ticketsCounted(
        rows.value.tickets,
        props.selection,
        periodWindow(props.period, props.zone),
      )
    : [];
  return (
    <InfoCard
      title={t('drill.title', {
        figure: props.label,
        total: rows.value ? String(tickets.length) : '…',
      })}
      action={
        <Button className="no-print" onClick={props.onClose}>
          {t('drill.close')}
        </Button>
      }
    >
      <div data-testid="drill-down">
        {rows.loading && <Progress />}
        {rows.error && <CourtErrorPanel error={rows.error} />}
        {rows.value && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('table.ticket')}</TableCell>
                <TableCell>{t('table.title')}</TableCell>
                <TableCell>{t('drill.type')}</TableCell>
                <TableCell>{t('drill.level')}</TableCell>
                <TableCell>{t('drill.status')}</TableCell>
                <TableCell>{t('drill.created')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {tickets.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>{t('table.none')}</TableCell>
                </TableRow>
              )}
              {tickets.map(ticket => (
                <TableRow
                  key={ticket.id}
                  data-testid={`drill-row-${ticket.number}`}
                >
                  <TableCell>
                    <TicketLink number={ticket.number} />
                  </TableCell>
                  <TableCell>{ticket.title}</TableCell>
                  <TableCell>{t(`type.${ticket.type}`)}</TableCell>
                  <TableCell>{ticket.level}</TableCell>
                  <TableCell>{t(`status.${ticket.status}`)}</TableCell>
                  <TableCell>{formatInstant(ticket.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </InfoCard>
  );
}
