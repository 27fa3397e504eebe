import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type {
  AccessApi,
  AccessGrant,
  EngineerRecord,
} from '@internal/plugin-access-common';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { accessApiRef } from '../api';
import { AccessPage } from '../components/AccessPage';

export const grant = (overrides: Partial<AccessGrant>): AccessGrant => ({
  id: 'g-1',
  entityRef: 'resource:default/pc-xuli',
  ownerRef: 'user:default/xuli',
  ticket: 'INC-2026-00042',
  scopes: ['view-screen'],
  reason: '打印机驱动异常',
  requestedBy: 'user:default/liuyang',
  requestedAt: '2026-12-05T02:00:00.000Z',
  startsAt: '2026-12-05T02:10:00.000Z',
  endsAt: '2026-12-05T03:10:00.000Z',
  decision: 'requested',
  state: 'requested',
  revision: 1,
  uses: [],
  ...overrides,
});

const ENGINEER: EngineerRecord = {
  userRef: 'user:default/chenjing',
  name: '陈静',
  employer: '运维服务单位',
  posts: ['软件岗'],
  qualifications: [],
  confidentialitySignedOn: '2026-11-30',
  revision: 1,
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'plugin:access',
};

export function fakeApi() {
  return {
    listGrants: jest.fn(async () => [
      grant({}),
      grant({
        id: 'g-2',
        decision: 'approved',
        state: 'live',
        verificationCode: '482719',
        revision: 2,
      }),
    ]),
    listEngineers: jest.fn(async () => [ENGINEER]),
    approveGrant: jest.fn(async () => grant({ state: 'approved' })),
    refuseGrant: jest.fn(),
    revokeGrant: jest.fn(async () => grant({ state: 'revoked' })),
    approveEngineer: jest.fn(async () => ENGINEER),
  } as unknown as jest.Mocked<AccessApi>;
}

/**
 * The access page against a fake API: the IT office holds every permission,
 * others only reading grants. A role per test file: usePermission caches answers.
 */
export async function renderPage(itOffice: boolean) {
  const api = fakeApi();
  const permissions = answeringPermissionApi(request =>
    itOffice || request.permission.name === 'access.grant.read'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  await renderInTestApp(<AccessPage />, {
    apis: [
      [accessApiRef, api],
      [permissionApiRef, permissions.api],
    ],
  });
  return { api, permissions };
}
