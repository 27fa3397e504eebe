import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CourtErrorPanel, useAsyncReload } from '@internal/plugin-court-react';
import { accessApiRef } from '../api';
import { accessTranslationRef } from '../translation';
import { GrantTable } from './GrantTable';

/** "Access" on a device or system: its grants the reader may see, with their codes. */
export function EntityAccessContent() {
  const { t } = useTranslationRef(accessTranslationRef);
  const { entity } = useEntity();
  const api = useApi(accessApiRef);
  const ref = stringifyEntityRef(entity);
  const grants = useAsyncReload(
    () => api.listGrants({ entityRef: ref }),
    [api, ref],
  );
  return (
    <InfoCard title={t('entity.tab')}>
      {grants.error && <CourtErrorPanel error={grants.error} />}
      {grants.loading && !grants.value && <Progress />}
      {grants.value && (
        <GrantTable
          testId="entity-grants"
          grants={grants.value}
          empty={t('empty.grants')}
          onChanged={grants.retry}
        />
      )}
    </InfoCard>
  );
}
