import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import type { MajorEventAnswer } from '@internal/plugin-duty-common';
import { useState } from 'react';
import { dutyApiRef } from '../api';
import { fakeDutyApi, people } from './testData';
import { MajorEventsView } from '../components/events/MajorEventsView';

const ZONE = 'Asia/Shanghai';

/** A pronouncement on Tuesday 5 January 2027, 09:00–12:00 in the court. */
export const plan: MajorEventAnswer = {
  id: 'p1',
  title: '张某某案公开宣判',
  kind: 'trial',
  startsAt: '2027-01-05T01:00:00.000Z',
  endsAt: '2027-01-05T04:00:00.000Z',
  place: 'A-1F-T09',
  scope: ['resource:default/courtroom-recorder-t09'],
  onSite: ['user:default/zhangwei'],
  standby: ['user:default/liuyang'],
  communicationPlan: '现场指挥：孙磊',
  createdBy: 'user:default/sunlei',
  createdAt: '2027-01-01T01:00:00.000Z',
  updatedBy: 'user:default/sunlei',
  updatedAt: '2027-01-01T01:00:00.000Z',
  revision: 3,
  preEventChecks: {
    dayBefore: '2027-01-04',
    hourBefore: '2027-01-05T00:00:00.000Z',
  },
  preEventRounds: [
    {
      check: 'day-before',
      startedAt: '2027-01-03T23:30:00.000Z',
      roundId: '6f1c2a52-3d0e-4c55-9f5e-2b7d1f0a9c31',
    },
  ],
};

/** The view with its plan id in state, as the page keeps it in the URL. */
function Harness(props: { now: string }) {
  const [planId, setPlanId] = useState<string>();
  return (
    <MajorEventsView
      zone={ZONE}
      now={props.now}
      planId={planId}
      onOpen={setPlanId}
    />
  );
}

/**
 * The view as someone who may (or may not) manage plans sees it. usePermission caches its answers
 * per test file: only a file's first test sees the permission asked.
 */
export async function renderAs(
  manage: boolean,
  now: string,
  calls: Parameters<typeof fakeDutyApi>[0],
) {
  const permissions = answeringPermissionApi(request =>
    manage && request.permission.name === 'duty.major-event.manage'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  await renderInTestApp(<Harness now={now} />, {
    apis: [
      [dutyApiRef, fakeDutyApi(calls)],
      [permissionApiRef, permissions.api],
      [catalogApiRef, catalogApiMock({ entities: people })],
    ],
  });
  return permissions;
}
