// The Spares tab in a test app. One test file per permission answer: usePermission caches answers.
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import type {
  DeviceSpares,
  Repair,
  SparesApi,
} from '@internal/plugin-spares-common';
import { sparesApiRef } from '../api';
import { EntitySparesContent } from '../components/EntitySparesContent';

export const RECORDER = 'resource:default/courtroom-recorder-t01';

export const repair: Repair = {
  id: 'r1',
  number: 'RPR-00003',
  deviceRef: RECORDER,
  ticket: 'INC-2026-00042',
  vendorId: 'reach',
  terms: 'warranty',
  sentOn: '2026-12-07',
  promisedOn: '2026-12-14',
  loaner: 'resource:default/courtroom-recorder-spare',
  loanerWhere: '第一法庭',
  overdue: false,
  updates: [],
  createdBy: 'user:default/wangqiang',
  createdAt: '2026-12-07T02:00:00.000Z',
  version: 1,
};

function fakeApi(device: DeviceSpares): jest.Mocked<SparesApi> {
  return {
    getDevice: jest.fn().mockResolvedValue(device),
    listPartTypes: jest.fn().mockResolvedValue([]),
    listLocations: jest.fn().mockResolvedValue([]),
    listVendors: jest.fn().mockResolvedValue([]),
  } as Partial<jest.Mocked<SparesApi>> as jest.Mocked<SparesApi>;
}

/** The tab on the recorder against a fake API; every permission allowed or every one denied. */
export async function renderTab(device: DeviceSpares, allow: boolean) {
  const api = fakeApi(device);
  const permissions = answeringPermissionApi(() =>
    allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  );
  await renderInTestApp(
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'courtroom-recorder-t01', namespace: 'default' },
        spec: { type: 'courtroom-recorder' },
      }}
    >
      <EntitySparesContent />
    </EntityProvider>,
    {
      apis: [
        [sparesApiRef, api],
        [permissionApiRef, permissions.api],
      ],
    },
  );
  return { api, permissions };
}
