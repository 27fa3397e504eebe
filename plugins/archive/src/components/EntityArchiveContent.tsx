import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { archiveApiRef } from '../api';
import { archiveTranslationRef } from '../translation';
import { DocumentTable } from './DocumentTable';

/**
 * "Archive" on a system (its documents and those of its devices) or a device
 * (its own); the backend leaves out what the reader may not see.
 */
export function EntityArchiveContent() {
  const { t } = useTranslationRef(archiveTranslationRef);
  const { entity } = useEntity();
  const api = useApi(archiveApiRef);
  const ref = stringifyEntityRef(entity);
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';
  const documents = useAsync(
    () =>
      api.listDocuments(
        isSystem ? { system: ref, limit: 200 } : { entity: ref, limit: 200 },
      ),
    [api, ref, isSystem],
  );
  return (
    <InfoCard title={t('entity.tab')}>
      {documents.error && <ResponseErrorPanel error={documents.error} />}
      {documents.loading && <Progress />}
      {documents.value && (
        <DocumentTable
          documents={documents.value.items}
          empty={t('entity.empty')}
          testId="entity-archive"
        />
      )}
    </InfoCard>
  );
}
