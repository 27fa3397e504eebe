import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { dutyApiRef } from '../api';
import { RosterView } from '../components/roster/RosterView';
import {
  engineers,
  fakeDutyApi,
  people,
  posts,
  rosterOf,
  shiftOf,
} from './testData';

export const MONTH = '2027-01';

// 2027-01-02 is a Saturday; the software post has one engineer of two, the phone a vacancy.
export const roster = rosterOf({
  month: MONTH,
  days: [{ date: '2027-01-02', dayKind: 'rest' }],
  shifts: [
    shiftOf({
      id: 's1',
      date: '2027-01-02',
      kind: 'on-site',
      post: 'desk',
      engineer: 'user:default/lina',
    }),
    shiftOf({
      id: 's2',
      date: '2027-01-02',
      kind: 'on-site',
      post: 'desk',
      engineer: 'user:default/zhangwei',
    }),
    shiftOf({
      id: 's3',
      date: '2027-01-02',
      kind: 'on-site',
      post: 'software',
      engineer: 'user:default/liuyang',
    }),
    shiftOf({ id: 's4', date: '2027-01-02', kind: 'phone', engineer: null }),
  ],
  problems: [
    {
      rule: 'coverage',
      date: '2027-01-02',
      post: 'software',
      needed: 2,
      have: 1,
    },
    { rule: 'vacant', shiftId: 's4', date: '2027-01-02' },
    { rule: 'phone', date: '2027-01-02', have: 0 },
  ],
});

/**
 * The roster view of MONTH against a fake API, as the ops manager (`manage`) or someone who only
 * reads. usePermission caches answers by permission name for a whole test file, so each file
 * renders one role.
 */
export async function renderRoster(
  manage: boolean,
  calls: Parameters<typeof fakeDutyApi>[0],
) {
  const permissions = answeringPermissionApi(request =>
    manage || request.permission.name !== 'duty.roster.manage'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  await renderInTestApp(
    <RosterView
      month={MONTH}
      posts={posts}
      engineers={engineers}
      previousMonth="2026-12"
      nextMonth="2027-02"
      onMonth={() => {}}
    />,
    {
      apis: [
        [dutyApiRef, fakeDutyApi(calls)],
        [permissionApiRef, permissions.api],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ],
    },
  );
  return permissions;
}
