import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { MonitoredIncident } from '@internal/plugin-monitoring-common';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useMonitoringLinks } from '../hooks/useLinks';
import { monitoringTranslationRef } from '../translation';
import { courtTime } from './format';

/** The incident's number, linked to the service desk's page when the app has one. */
export function IncidentLink(props: { ticketNumber?: string }) {
  const links = useMonitoringLinks();
  const { ticketNumber } = props;
  if (!ticketNumber) return <>—</>;
  const to = links.ticket(ticketNumber);
  return to ? (
    <Link to={to} data-testid={`monitoring-incident-${ticketNumber}`}>
      {ticketNumber}
    </Link>
  ) : (
    <>{ticketNumber}</>
  );
}

/** Alerts with the incidents they made: a system's, a device's, the unmapped ones. */
export function AlertTable(props: {
  alerts: readonly MonitoredIncident[];
  testId: string;
}) {
  const { t } = useTranslationRef(monitoringTranslationRef);
  if (props.alerts.length === 0) {
    return (
      <Typography color="textSecondary" data-testid={props.testId}>
        {t('empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid={props.testId}>
      <TableHead>
        <TableRow>
          <TableCell>{t('field.alert')}</TableCell>
          <TableCell>{t('field.severity')}</TableCell>
          <TableCell>{t('field.where')}</TableCell>
          <TableCell>{t('field.incident')}</TableCell>
          <TableCell align="right">{t('field.occurrences')}</TableCell>
          <TableCell>{t('field.firstSeen')}</TableCell>
          <TableCell>{t('field.lastSeen')}</TableCell>
          <TableCell>{t('field.status')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.alerts.map(alert => (
          <TableRow key={alert.fingerprint} data-fingerprint={alert.fingerprint}>
            <TableCell>
              {alert.title}
              {alert.flapping && (
                <Chip size="small" label={t('alert.flapping')} style={{ marginLeft: 4 }} />
              )}
              {alert.stormParent && (
                <Chip size="small" label={t('alert.storm')} style={{ marginLeft: 4 }} />
              )}
            </TableCell>
            <TableCell>{t(`severity.${alert.severity}`)}</TableCell>
            <TableCell>
              {alert.entityRef ? (
                <EntityRefLink entityRef={alert.entityRef} />
              ) : (
                t(`source.${alert.source}`)
              )}
            </TableCell>
            <TableCell>
              <IncidentLink ticketNumber={alert.ticketNumber} />
            </TableCell>
            <TableCell align="right">{alert.occurrences}</TableCell>
            <TableCell>{courtTime(alert.firstSeen)}</TableCell>
            <TableCell>{courtTime(alert.lastSeen)}</TableCell>
            <TableCell>
              {t(`status.${alert.status}`)}
              {alert.clearedAt && ` ${courtTime(alert.clearedAt)}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
