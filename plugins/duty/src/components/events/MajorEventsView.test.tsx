import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import type { MajorEventAnswer } from '@internal/plugin-duty-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { fakeDutyApi, people } from '../../__testUtils__/testData';
import { MajorEventsView } from './MajorEventsView';

const ZONE = 'Asia/Shanghai';

const plan: MajorEventAnswer = {
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

async function renderAs(
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

describe('major events (重点保障)', () => {
  it('lists a plan in the court’s time and opens it; an engineer may not edit it nor write its summary', async () => {
    await renderAs(false, '2027-01-05T05:00:00.000Z', {
      listMajorEvents: async () => [plan],
    });
    const card = await screen.findByTestId('event-p1');
    expect(card).toHaveTextContent('张某某案公开宣判');
    // 01:00–04:00 UTC is 09:00–12:00 in the court.
    expect(card).toHaveTextContent('2027-01-05 09:00–12:00');
    expect(screen.queryByTestId('event-new')).not.toBeInTheDocument();
    await userEvent.click(card);
    await waitFor(() =>
      expect(screen.getByTestId('event-on-site-list')).toHaveTextContent(
        '张伟',
      ),
    );
    expect(screen.getByTestId('event-standby-list')).toHaveTextContent('刘洋');
    expect(screen.getByTestId('event-checks')).toHaveTextContent(
      'the working day before (2027-01-04) and an hour before the start (2027-01-05 08:00)',
    );
    expect(screen.getByTestId('event-detail')).toHaveTextContent(
      '现场指挥：孙磊',
    );
    expect(screen.queryByTestId('event-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('event-summary-text')).not.toBeInTheDocument();
  });

  it('lets the ops manager write the summary after the end, from the plan’s revision', async () => {
    const writeMajorEventSummary = jest.fn(async () => ({
      ...plan,
      summary: { text: '宣判顺利', by: 'user:default/sunlei', at: '' },
    }));
    const listMajorEvents = jest
      .fn()
      .mockResolvedValueOnce([plan])
      .mockResolvedValue([
        {
          ...plan,
          summary: {
            text: '宣判顺利',
            by: 'user:default/sunlei',
            at: '2027-01-05T05:00:00.000Z',
          },
        },
      ]);
    const permissions = await renderAs(true, '2027-01-05T05:00:00.000Z', {
      listMajorEvents,
      writeMajorEventSummary,
    });
    await permissions.answered('duty.major-event.manage');
    await userEvent.click(await screen.findByTestId('event-p1'));
    await userEvent.type(
      await screen.findByTestId('event-summary-text'),
      '宣判顺利',
    );
    await userEvent.click(screen.getByTestId('event-summary-save'));
    expect(writeMajorEventSummary).toHaveBeenCalledWith('p1', {
      text: '宣判顺利',
      revision: 3,
    });
    await waitFor(() =>
      expect(screen.getByTestId('event-summary')).toHaveTextContent(
        '宣判顺利 — 孙磊',
      ),
    );
  });

  it('shows what the backend refuses in a new plan, and keeps the form', async () => {
    const createMajorEvent = jest.fn(async () => {
      throw new Error('body.endsAt: must be after startsAt');
    });
    const permissions = await renderAs(true, '2027-01-01T02:00:00.000Z', {
      listMajorEvents: async () => [],
      createMajorEvent,
    });
    await permissions.answered('duty.major-event.manage');
    await userEvent.click(await screen.findByTestId('event-new'));
    await userEvent.type(screen.getByTestId('event-title'), '院务会');
    await userEvent.type(
      screen.getByTestId('event-starts'),
      '2027-01-05T09:00',
    );
    await userEvent.type(screen.getByTestId('event-ends'), '2027-01-05T08:00');
    await userEvent.click(screen.getByTestId('event-save'));
    await waitFor(() =>
      expect(screen.getByTestId('event-error')).toHaveTextContent(
        'body.endsAt: must be after startsAt',
      ),
    );
    // The datetime fields are read in the court's zone, whatever the browser's.
    expect(createMajorEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '院务会',
        kind: 'trial',
        startsAt: '2027-01-05T09:00:00.000+08:00',
        endsAt: '2027-01-05T08:00:00.000+08:00',
      }),
    );
    expect(screen.getByTestId('major-event-form')).toBeInTheDocument();
  });
});
