import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import { CLOCK_NAMES } from '@internal/plugin-sla-common';
import type { Ticket } from '@internal/plugin-tickets-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Fragment, memo, type ReactNode } from 'react';
import { formatInstant } from '../../format';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { ClockCountdown } from '../clocks/ClockCountdown';
import { LevelChip, StatusChip } from './labels';

/** Columns a ticket list can show; `clocks` is the three SLA countdowns. */
export type TicketColumn =
  | 'number'
  | 'title'
  | 'type'
  | 'level'
  | 'status'
  | 'entities'
  | 'assignee'
  | 'clocks'
  | 'created'
  | 'updated';

function TicketCells(props: {
  ticket: Ticket;
  columns: readonly TicketColumn[];
}) {
  const { ticket, columns } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const href = links.ticket(ticket.number);

  // One renderer per column: the type makes adding a column without its cell an error.
  const cells: Record<TicketColumn, () => ReactNode> = {
    number: () => (
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        {href ? <Link to={href}>{ticket.number}</Link> : ticket.number}
      </TableCell>
    ),
    title: () => <TableCell>{ticket.title}</TableCell>,
    type: () => <TableCell>{t(`type.${ticket.type}`)}</TableCell>,
    level: () => (
      <TableCell>
        <LevelChip level={ticket.level} />
      </TableCell>
    ),
    status: () => (
      <TableCell>
        <StatusChip status={ticket.status} />
      </TableCell>
    ),
    entities: () => (
      <TableCell>
        <EntityRefLinks entityRefs={[...ticket.entityRefs]} hideIcons />
      </TableCell>
    ),
    assignee: () => (
      <TableCell>
        {ticket.assignee ? (
          <EntityRefLink entityRef={ticket.assignee} hideIcon />
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('queue.unassigned')}
          </Typography>
        )}
      </TableCell>
    ),
    clocks: () =>
      CLOCK_NAMES.map(name => (
        <TableCell key={name}>
          {ticket.clocks && (
            <ClockCountdown clock={ticket.clocks[name]} asOf={ticket.asOf} />
          )}
          {!ticket.clocks &&
            (ticket.slaUnknownUntil === undefined
              ? t('countdown.none')
              : t('countdown.unknownUntil', {
                  year: String(ticket.slaUnknownUntil),
                }))}
        </TableCell>
      )),
    created: () => <TableCell>{formatInstant(ticket.createdAt)}</TableCell>,
    updated: () => <TableCell>{formatInstant(ticket.updatedAt)}</TableCell>,
  };

  return (
    <TableRow data-testid={`ticket-row-${ticket.number}`} hover>
      {columns.map(column => (
        <Fragment key={column}>{cells[column]()}</Fragment>
      ))}
    </TableRow>
  );
}

// Rows re-render only when their ticket changes; the countdowns tick on their own.
const TicketRow = memo(TicketCells);

/** Tickets as rows, with whichever columns the view needs. */
export function TicketTable(props: {
  tickets: readonly Ticket[];
  columns: readonly TicketColumn[];
  empty: string;
  testId?: string;
}) {
  const { tickets, columns, empty, testId } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);

  const header = (column: TicketColumn): ReactNode =>
    column === 'clocks' ? (
      CLOCK_NAMES.map(name => (
        <TableCell key={name}>{t(`clock.${name}`)}</TableCell>
      ))
    ) : (
      <TableCell key={column}>{t(`queue.columns.${column}`)}</TableCell>
    );

  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>{columns.map(header)}</TableRow>
      </TableHead>
      <TableBody>
        {tickets.length === 0 ? (
          <TableRow>
            <TableCell
              colSpan={columns.length + (columns.includes('clocks') ? 2 : 0)}
            >
              <Typography variant="body2" color="textSecondary">
                {empty}
              </Typography>
            </TableCell>
          </TableRow>
        ) : (
          tickets.map(ticket => (
            <TicketRow key={ticket.id} ticket={ticket} columns={columns} />
          ))
        )}
      </TableBody>
    </Table>
  );
}
