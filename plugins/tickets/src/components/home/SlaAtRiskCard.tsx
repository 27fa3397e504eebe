import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Ticket } from '@internal/plugin-tickets-common';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useTicketList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { TicketListView } from '../shared/TicketListView';
import type { TicketColumn } from '../shared/TicketTable';

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
    <div data-testid="sla-at-risk-card">
      <Typography variant="h6" gutterBottom>
        {t('home.title')}
      </Typography>
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
      {desk && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={`${desk}?view=at-risk`}>{t('home.openDesk')}</Link>
        </Typography>
      )}
    </div>
  );
}
