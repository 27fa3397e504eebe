import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Ticket } from '@internal/plugin-tickets-common';
import { useMemo } from 'react';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';
import { HomeCard } from './HomeCard';

const COLUMNS: readonly TicketColumn[] = ['number', 'title', 'level', 'clocks'];
const LIMIT = 20;

/** Breached first, then those about to breach; each ticket once. */
function mergeTickets(
  breached: readonly Ticket[],
  atRisk: readonly Ticket[],
): Ticket[] {
  const seen = new Set<string>();
  return [...breached, ...atRisk].filter(ticket => {
    if (seen.has(ticket.id)) return false;
    seen.add(ticket.id);
    return true;
  });
}

/** Home card: open tickets whose SLA is at risk or already breached, counting live. */
export function SlaAtRiskCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const breached = useTicketList({
    open: 'true',
    breached: 'true',
    sort: 'due',
    limit: LIMIT,
  });
  const atRisk = useTicketList({
    open: 'true',
    atRisk: 'true',
    sort: 'due',
    limit: LIMIT,
  });
  const items = useMemo(
    () => mergeTickets(breached.items, atRisk.items),
    [breached.items, atRisk.items],
  );
  const desk = links.desk();

  return (
    <HomeCard
      testId="sla-at-risk-card"
      title={t('home.title')}
      more={{ to: desk && `${desk}?view=at-risk`, label: t('home.openDesk') }}
    >
      <TicketListView
        list={{
          ...atRisk,
          items,
          loading: atRisk.loading || breached.loading,
          error: breached.error ?? atRisk.error,
          nextCursor: undefined,
        }}
        columns={COLUMNS}
        empty={t('home.empty')}
      />
    </HomeCard>
  );
}
