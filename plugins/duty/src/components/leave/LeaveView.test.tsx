import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import type { Leave } from '@internal/plugin-duty-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dutyApiRef } from '../../api';
import { fakeDutyApi, people } from '../../__testUtils__/testData';
import { LeaveView } from './LeaveView';

const requested: Leave = {
  id: 'l1',
  engineer: 'user:default/lina',
  from: '2027-01-04',
  to: '2027-01-05',
  reason: '家中有事',
  status: 'requested',
  requestedAt: '2026-12-20T02:00:00.000Z',
  // The ops manager has approved; the court IT office has not decided yet.
  contractor: {
    approved: true,
    by: 'user:default/sunlei',
    at: '2026-12-20T03:00:00.000Z',
  },
  version: 2,
};

// The court IT office: decides for the court, neither manages rosters nor stands shifts.
// usePermission caches answers per file: only the first test sees them asked.
async function renderAsItOffice(calls: Parameters<typeof fakeDutyApi>[0]) {
  const permissions = answeringPermissionApi(request =>
    request.permission.name === 'duty.leave.approve-court'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  await renderInTestApp(<LeaveView onOpenRoster={() => {}} />, {
    apis: [
      [dutyApiRef, fakeDutyApi(calls)],
      [permissionApiRef, permissions.api],
      [catalogApiRef, catalogApiMock({ entities: people })],
    ],
  });
  return permissions;
}

describe('leave, as the court IT office sees it', () => {
  it('shows the side still waiting and lands the court’s approval', async () => {
    const listLeave = jest
      .fn()
      .mockResolvedValueOnce([requested])
      .mockResolvedValueOnce([{ ...requested, status: 'approved' }]);
    const decideLeave = jest.fn(async () => requested);
    const permissions = await renderAsItOffice({ listLeave, decideLeave });
    await permissions.answered('duty.leave.approve-court');
    await permissions.answered('duty.shift.stand');

    const card = await screen.findByTestId('leave-l1');
    await waitFor(() =>
      expect(card).toHaveTextContent('李娜: 2027-01-04 – 2027-01-05'),
    );
    expect(card).toHaveTextContent('Court IT office: waiting');
    expect(card).toHaveTextContent('Ops manager: approved (孙磊)');
    // No request form: the IT office stands no shifts.
    expect(screen.queryByTestId('leave-submit')).not.toBeInTheDocument();

    await userEvent.click(within(card).getByTestId('leave-approve'));
    expect(decideLeave).toHaveBeenCalledWith('l1', {
      approve: true,
      reason: undefined,
    });
    await waitFor(() =>
      expect(screen.getByTestId('leave-status')).toHaveTextContent('Approved'),
    );
    expect(screen.queryByTestId('leave-approve')).not.toBeInTheDocument();
  });

  it('shows why a refusal without a reason was turned down', async () => {
    const decideLeave = jest.fn(async () => {
      throw new Error('body.reason: is required to refuse');
    });
    await renderAsItOffice({ listLeave: async () => [requested], decideLeave });
    await userEvent.click(await screen.findByTestId('leave-refuse'));
    expect(decideLeave).toHaveBeenCalledWith('l1', {
      approve: false,
      reason: undefined,
    });
    expect(await screen.findByTestId('decision-error')).toHaveTextContent(
      'body.reason: is required to refuse',
    );
  });
});
