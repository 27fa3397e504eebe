import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../__testUtils__/render';

// A whole app with MUI on a busy CI runner.
jest.setTimeout(60_000);

// The IT office; court staff in AccessPage.staff.test.tsx (usePermission caches answers per run).
describe('AccessPage', () => {
  it('lets the IT office approve a request, revoke with a reason, and approve an engineer', async () => {
    const { api } = await renderPage(true);
    const queue = await screen.findByTestId('grant-queue');
    await userEvent.click(
      await within(queue).findByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(api.approveGrant).toHaveBeenCalledWith('g-1', { revision: 1 }),
    );

    const list = screen.getByTestId('grant-list');
    expect(within(list).getByTestId('grant-code')).toHaveTextContent('482719');
    await userEvent.click(within(list).getByRole('button', { name: 'Revoke' }));
    await userEvent.type(screen.getByTestId('reason-input'), '工单已关闭');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(api.revokeGrant).toHaveBeenCalledWith('g-2', {
        revision: 2,
        note: '工单已关闭',
      }),
    );

    const engineers = await screen.findByTestId('engineer-table');
    expect(within(engineers).getByText('Not approved')).toBeInTheDocument();
    await userEvent.click(
      within(engineers).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(api.approveEngineer).toHaveBeenCalledWith(
        'user:default/chenjing',
        1,
      ),
    );
  });
});
