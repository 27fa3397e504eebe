import { screen, within } from '@testing-library/react';
import { renderPage } from '../__testUtils__/render';

describe('AccessPage for court staff', () => {
  it('shows a staff member the code but no decision and no engineers', async () => {
    const { api, permissions } = await renderPage(false);
    const list = await screen.findByTestId('grant-list');
    expect(within(list).getByTestId('grant-code')).toHaveTextContent('482719');
    await permissions.answered('access.grant.decide');
    await permissions.answered('access.engineer.read');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(screen.queryByTestId('engineer-table')).toBeNull();
    expect(api.listEngineers).not.toHaveBeenCalled();
  });
});
