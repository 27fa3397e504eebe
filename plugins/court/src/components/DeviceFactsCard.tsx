import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { RELATION_OWNED_BY, RELATION_PART_OF } from '@backstage/catalog-model';
import { EntityRefLinks, getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import { readDeviceFacts } from '@internal/plugin-court-common';
import { useCourtLocations } from '../hooks/useCourtLocations';
import { courtTranslationRef } from '../translation';
import { WarrantyText } from './WarrantyText';

/**
 * The facts a desk agent or engineer needs to find and identify a device (CAT-2). Its key
 * parameters (CAT-4) have their own card from the tickets plugin, with the values approved
 * changes set since the catalog was loaded.
 */
export function DeviceFactsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(courtTranslationRef);
  const { format } = useCourtLocations();
  const facts = readDeviceFacts(entity);
  if (!facts) return null;

  // Relations carry full refs; spec fields may be written short (`network`).
  const systems = getEntityRelations(entity, RELATION_PART_OF, { kind: 'system' });
  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const metadata = {
    [t('deviceFacts.assetTag')]: <span data-testid="asset-tag">{facts.assetTag}</span>,
    [t('deviceFacts.deviceClass')]: t(`deviceClass.${facts.deviceClass}`),
    [t('deviceFacts.location')]: (
      <span data-testid="device-location">
        {format(facts.location) ?? t('deviceFacts.unknownLocation', { id: facts.location })}
      </span>
    ),
    [t('deviceFacts.vendorModel')]: `${facts.vendor} / ${facts.model}`,
    [t('deviceFacts.serial')]: facts.serial,
    [t('deviceFacts.ip')]: (
      <span data-testid="device-ip">{facts.ip ?? t('deviceFacts.notNetworked')}</span>
    ),
    [t('deviceFacts.warranty')]: <WarrantyText warrantyEnd={facts.warrantyEnd} />,
    [t('deviceFacts.inspectionProfile')]: facts.inspectionProfile,
    [t('deviceFacts.system')]: <EntityRefLinks entityRefs={systems} />,
    [t('deviceFacts.maintainer')]: <EntityRefLinks entityRefs={owners} />,
  };

  return (
    <InfoCard title={t('deviceFacts.title')}>
      <div data-testid="device-facts-card">
        <StructuredMetadataTable metadata={metadata} />
      </div>
    </InfoCard>
  );
}
