import { Progress, ResponseErrorPanel, Table, type TableColumn } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { readDeviceFacts } from '@internal/plugin-court-common';
import useAsync from 'react-use/esm/useAsync';
import { useCourtLocations } from '../hooks/useCourtLocations';
import { courtTranslationRef } from '../translation';
import { WarrantyText } from './WarrantyText';

/** Every device that is part of this system, with what a walk-round needs: class, tag, place. */
export function SystemDevicesCard() {
  const { entity: system } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(courtTranslationRef);
  const { format } = useCourtLocations();

  const { value, loading, error } = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'resource', 'relations.partOf': stringifyEntityRef(system) },
      order: { field: 'metadata.name', order: 'asc' },
    });
    return response.items;
  }, [catalogApi, system]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;

  const columns: TableColumn<Entity>[] = [
    {
      title: t('systemDevices.name'),
      render: device => <EntityRefLink entityRef={device} title={device.metadata.title} />,
    },
    {
      title: t('deviceFacts.deviceClass'),
      render: device => {
        const facts = readDeviceFacts(device);
        return facts ? t(`deviceClass.${facts.deviceClass}`) : String(device.spec?.type ?? '');
      },
    },
    { title: t('deviceFacts.assetTag'), render: device => readDeviceFacts(device)?.assetTag },
    {
      title: t('deviceFacts.location'),
      render: device => {
        const id = readDeviceFacts(device)?.location;
        return id ? format(id) ?? id : '';
      },
    },
    { title: t('deviceFacts.ip'), render: device => readDeviceFacts(device)?.ip ?? '' },
    {
      title: t('deviceFacts.warranty'),
      render: device => <WarrantyText warrantyEnd={readDeviceFacts(device)?.warrantyEnd} />,
    },
  ];

  return (
    <div data-testid="system-devices">
      <Table<Entity>
        title={`${t('systemDevices.title')} (${value?.length ?? 0})`}
        options={{ paging: false, search: true, padding: 'dense' }}
        columns={columns}
        data={value ?? []}
        emptyContent={<div style={{ padding: 16 }}>{t('systemDevices.empty')}</div>}
      />
    </div>
  );
}
