import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import type { Change } from '@internal/plugin-tickets-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatInstant } from '../../format';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { EmergencyChip, RiskChip, StatusChip } from '../shared/labels';

const COLUMNS = [
  'number',
  'title',
  'status',
  'risk',
  'window',
  'implementer',
  'entities',
] as const;

/** Changes as rows: number, title, status, risk, window, implementer, what they touch. */
export function ChangeTable(props: {
  changes: readonly Change[];
  empty: string;
  testId?: string;
}) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  return (
    // Wide on a narrow card: scroll sideways rather than squeeze the titles.
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={props.testId}>
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column}>
                {t(`changes.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.changes.length === 0 ? (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                <Typography variant="body2" color="textSecondary">
                  {props.empty}
                </Typography>
              </TableCell>
            </TableRow>
          ) : (
            props.changes.map(change => {
              const href = links.ticket(change.number);
              return (
                <TableRow
                  key={change.id}
                  hover
                  data-testid={`change-row-${change.number}`}
                >
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {href ? (
                      <Link to={href}>{change.number}</Link>
                    ) : (
                      change.number
                    )}
                  </TableCell>
                  <TableCell style={{ minWidth: 200 }}>
                    {change.title}{' '}
                    {change.change.emergency && <EmergencyChip />}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={change.status} />
                  </TableCell>
                  <TableCell>
                    <RiskChip risk={change.change.riskLevel} />
                  </TableCell>
                  <TableCell style={{ minWidth: 140 }}>
                    {t('change.windowValue', {
                      start: formatInstant(change.change.window.start),
                      end: formatInstant(change.change.window.end),
                    })}
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {change.assignee && (
                      <EntityRefLink entityRef={change.assignee} hideIcon />
                    )}
                  </TableCell>
                  <TableCell style={{ minWidth: 160 }}>
                    <EntityRefLinks
                      entityRefs={[...change.entityRefs]}
                      hideIcons
                    />
                  </TableCell>
                </TableRow>
              );
            })
          )}
        </TableBody>
      </Table>
    </div>
  );
}
