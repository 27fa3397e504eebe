import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dutyApiRef } from '../../api';
import { fakeDutyApi, people } from '../../__testUtils__/testData';
import { LeaveView } from './LeaveView';

// An engineer: stands shifts, decides no leave (a file of its own: usePermission caches per file).
describe('leave, as an engineer sees it', () => {
  it('requests leave and shows the backend’s reason when it is refused', async () => {
    const permissions = answeringPermissionApi(request =>
      request.permission.name === 'duty.shift.stand'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    const requestLeave = jest.fn(async () => {
      throw new Error('body.to: ends before the leave starts');
    });
    await renderInTestApp(<LeaveView onOpenRoster={() => {}} />, {
      apis: [
        [dutyApiRef, fakeDutyApi({ listLeave: async () => [], requestLeave })],
        [permissionApiRef, permissions.api],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ],
    });
    await permissions.answered('duty.leave.approve-court');
    await userEvent.type(await screen.findByTestId('leave-from'), '2027-01-05');
    await userEvent.type(screen.getByTestId('leave-to'), '2027-01-04');
    await userEvent.type(screen.getByTestId('leave-reason'), '探亲');
    await userEvent.click(screen.getByTestId('leave-submit'));
    expect(requestLeave).toHaveBeenCalledWith({
      from: '2027-01-05',
      to: '2027-01-04',
      reason: '探亲',
    });
    expect(await screen.findByTestId('leave-error')).toHaveTextContent(
      'body.to: ends before the leave starts',
    );
    expect(screen.queryByTestId('leave-approve')).not.toBeInTheDocument();
  });
});
