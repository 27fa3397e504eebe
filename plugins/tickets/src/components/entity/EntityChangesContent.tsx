import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useChangeList } from '../../hooks/useTicketList';
import { ticketsTranslationRef } from '../../translation';
import { ChangeTable } from '../changes/ChangeTable';
import { PagedList } from '../shared/TicketListView';
import { useEntityScope } from './useEntityScope';

/** "Changes" on a system or device: every change that touches it, newest first. */
export function EntityChangesContent() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const scope = useEntityScope();
  const list = useChangeList(scope.filter);
  return (
    <InfoCard title={t('entity.changesTab')}>
      <PagedList list={list}>
        <ChangeTable
          changes={list.items}
          empty={t('entity.emptyChanges')}
          testId="entity-changes"
        />
      </PagedList>
    </InfoCard>
  );
}
