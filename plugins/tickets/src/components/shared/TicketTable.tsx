import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import { CLOCK_NAMES } from '@internal/plugin-sla-common';
import type { Ticket } from '@internal/plugin-tickets-common';
import Typography from '@material-ui/core/Typography';
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { formatInstant } from '../../format';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { ClockCountdown } from '../clocks/ClockCountdown';
import { LevelChip, StatusChip } from './labels';
import { ListTable, type ListColumn } from './ListTable';

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

/** The list's columns: `clocks` is one column per SLA clock. */
function useTicketColumns(
  columns: readonly TicketColumn[],
): readonly ListColumn<Ticket>[] {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  return useMemo(() => {
    const column = (
      name: Exclude<TicketColumn, 'clocks'>,
      render: (ticket: Ticket) => ReactNode,
      style?: CSSProperties,
    ): ListColumn<Ticket> => ({
      title: t(`queue.columns.${name}`),
      render,
      style,
    });
    // One renderer per column: the type makes adding a column without its cell an error.
    const cells: Record<TicketColumn, () => ListColumn<Ticket>[]> = {
      number: () => [
        column(
          'number',
          ticket => {
            const href = links.ticket(ticket.number);
            return href ? (
              <Link to={href}>{ticket.number}</Link>
            ) : (
              ticket.number
            );
          },
          { whiteSpace: 'nowrap' },
        ),
      ],
      title: () => [column('title', ticket => ticket.title)],
      type: () => [column('type', ticket => t(`type.${ticket.type}`))],
      level: () => [
        column('level', ticket => <LevelChip level={ticket.level} />),
      ],
      status: () => [
        column('status', ticket => <StatusChip status={ticket.status} />),
      ],
      entities: () => [
        column('entities', ticket => (
          <EntityRefLinks entityRefs={[...ticket.entityRefs]} hideIcons />
        )),
      ],
      assignee: () => [
        column('assignee', ticket =>
          ticket.assignee ? (
            <EntityRefLink entityRef={ticket.assignee} hideIcon />
          ) : (
            <Typography variant="body2" color="textSecondary">
              {t('queue.unassigned')}
            </Typography>
          ),
        ),
      ],
      clocks: () =>
        CLOCK_NAMES.map(name => ({
          title: t(`clock.${name}`),
          render: (ticket: Ticket) => {
            if (ticket.clocks) {
              return (
                <ClockCountdown
                  clock={ticket.clocks[name]}
                  asOf={ticket.asOf}
                />
              );
            }
            return ticket.slaUnknownUntil === undefined
              ? t('countdown.none')
              : t('countdown.unknownUntil', {
                  year: String(ticket.slaUnknownUntil),
                });
          },
        })),
      created: () => [
        column('created', ticket => formatInstant(ticket.createdAt)),
      ],
      updated: () => [
        column('updated', ticket => formatInstant(ticket.updatedAt)),
      ],
    };
    return columns.flatMap(name => cells[name]());
  }, [columns, links, t]);
}

/** Tickets as rows, with whichever columns the view needs. */
export function TicketTable(props: {
  tickets: readonly Ticket[];
  columns: readonly TicketColumn[];
  empty: string;
  testId?: string;
}) {
  return (
    <ListTable
      rows={props.tickets}
      columns={useTicketColumns(props.columns)}
      rowTestId="ticket-row"
      empty={props.empty}
      testId={props.testId}
    />
  );
}
