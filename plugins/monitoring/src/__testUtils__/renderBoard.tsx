// The board's pages in a test app. One test file per permission answer: usePermission caches answers.
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { monitoringApiRef } from '../api';
import { rootRouteRef, ticketRouteRef, wallRouteRef } from '../routes';
import { mockMonitoringApi, mockSignals } from './fixtures';

const catalog = () =>
  catalogApiMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'court-network', title: '法院网络' },
        spec: { owner: 'group:default/it' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'trial-av' },
        spec: { owner: 'group:default/it' },
      },
    ],
  });

/** `element` with two catalog systems, the given API and permissions, and fake signals. */
export async function renderBoard(
  element: JSX.Element,
  api = mockMonitoringApi(),
  permission = mockApis.permission(),
) {
  const signals = mockSignals();
  await renderInTestApp(element, {
    apis: [
      [monitoringApiRef, api],
      [catalogApiRef, catalog()],
      [permissionApiRef, permission],
      [signalApiRef, signals.api],
    ],
    mountedRoutes: {
      '/monitoring': rootRouteRef,
      '/monitoring/wall': wallRouteRef,
      '/tickets/:ticketRef': ticketRouteRef,
    },
  });
  return { api, signals };
}

