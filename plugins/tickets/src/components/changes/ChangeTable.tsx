import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import type { Change } from '@internal/plugin-tickets-common';
import { useMemo } from 'react';
import { formatInstant } from '../../format';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import { EmergencyChip, RiskChip, StatusChip } from '../shared/labels';
import { ListTable, type ListColumn } from '../shared/ListTable';

/** Changes as rows: number, title, status, risk, window, implementer, what they touch. */
export function ChangeTable(props: {
  changes: readonly Change[];
  empty: string;
  testId?: string;
}) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const columns = useMemo(
    (): ListColumn<Change>[] => [
      {
        title: t('changes.columns.number'),
        render: change => {
          const href = links.ticket(change.number);
          return href ? <Link to={href}>{change.number}</Link> : change.number;
        },
        style: { whiteSpace: 'nowrap' },
      },
      {
        title: t('changes.columns.title'),
        render: change => (
          <>
            {change.title} {change.change.emergency && <EmergencyChip />}
          </>
        ),
        // Wide on a narrow card: scroll sideways rather than squeeze the titles.
        style: { minWidth: 200 },
      },
      {
        title: t('changes.columns.status'),
        render: change => <StatusChip status={change.status} />,
      },
      {
        title: t('changes.columns.risk'),
        render: change => <RiskChip risk={change.change.riskLevel} />,
      },
      {
        title: t('changes.columns.window'),
        render: change =>
          t('change.windowValue', {
            start: formatInstant(change.change.window.start),
            end: formatInstant(change.change.window.end),
          }),
        style: { minWidth: 140 },
      },
      {
        title: t('changes.columns.implementer'),
        render: change =>
          change.assignee && (
            <EntityRefLink entityRef={change.assignee} hideIcon />
          ),
        style: { whiteSpace: 'nowrap' },
      },
      {
        title: t('changes.columns.entities'),
        render: change => (
          <EntityRefLinks entityRefs={[...change.entityRefs]} hideIcons />
        ),
        style: { minWidth: 160 },
      },
    ],
    [links, t],
  );
  return (
    <ListTable
      rows={props.changes}
      columns={columns}
      rowTestId="change-row"
      empty={props.empty}
      testId={props.testId}
    />
  );
}
