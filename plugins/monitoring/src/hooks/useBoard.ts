import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { statusBoard } from '@internal/plugin-monitoring-common';
import { monitoringApiRef } from '../api';
import { useLiveAlerts } from './useLiveAlerts';

/** Every catalog system with its colour from the open alerts, kept live. */
export function useBoard() {
  const catalog = useApi(catalogApiRef);
  const api = useApi(monitoringApiRef);
  return useLiveAlerts(async () => {
    const [systems, open] = await Promise.all([
      catalog.getEntities({
        filter: { kind: 'system' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      }),
      api.listIncidents({ status: 'open', limit: 500 }),
    ]);
    const titles = new Map(
      systems.items.map(system => [
        stringifyEntityRef(system),
        system.metadata.title ?? system.metadata.name,
      ]),
    );
    return { tiles: statusBoard([...titles.keys()], open), titles };
  }, [catalog, api]);
}
