import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { useChangeList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { ChangeTable } from '../changes/ChangeTable';
import { PagedList } from '../shared/TicketListView';
import { HomeCard } from './HomeCard';

/** Home card for the court IT office: changes submitted and waiting for its approval. */
export function PendingApprovalsCard() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const changes = useTicketLinks().changes();
  const list = useChangeList({ pendingApproval: 'true', sort: 'window', limit: 10 });
  return (
    <HomeCard
      testId="pending-approvals-card"
      title={t('home.pendingApprovals')}
      more={{
        to: changes && `${changes}?view=approvals`,
        label: t('home.openApprovals'),
      }}
    >
      <PagedList list={{ ...list, nextCursor: undefined }}>
        <ChangeTable changes={list.items} empty={t('changes.approvalsEmpty')} />
      </PagedList>
    </HomeCard>
  );
}
