import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCourtDevice } from '@internal/plugin-court-common';

/** "Device facts" on every device's overview. */
export const deviceFactsCard = EntityCardBlueprint.make({
  name: 'device-facts',
  params: {
    filter: isCourtDevice,
    type: 'info',
    loader: () => import('./components/DeviceFactsCard').then(m => <m.DeviceFactsCard />),
  },
});

/** A system's overview lists its devices. */
export const systemDevicesCard = EntityCardBlueprint.make({
  name: 'system-devices',
  params: {
    filter: 'kind:system',
    loader: () => import('./components/SystemDevicesCard').then(m => <m.SystemDevicesCard />),
  },
});

export const courtPlugin = createFrontendPlugin({
  pluginId: 'court',
  extensions: [deviceFactsCard, systemDevicesCard],
});
