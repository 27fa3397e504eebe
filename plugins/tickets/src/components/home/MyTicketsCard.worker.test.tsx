import { within } from '@testing-library/react';
import { renderMyTicketsAs } from '../../__testUtils__/myTickets';

// usePermission caches answers by permission name across renders: one role per file.
describe('MyTicketsCard for those who work tickets', () => {
  it('shows those who work tickets the open ones assigned to them', async () => {
    const { api, card } = await renderMyTicketsAs(true);
    expect(within(card).getByText('Assigned to me')).toBeInTheDocument();
    expect(api.listTickets).toHaveBeenCalledWith(
      expect.objectContaining({ assignee: 'me', open: 'true' }),
    );
    expect(api.listTickets).not.toHaveBeenCalledWith(
      expect.objectContaining({ reporter: 'me' }),
    );
    expect(
      within(card).getByRole('link', { name: 'Open the service desk' }),
    ).toHaveAttribute('href', '/tickets?view=mine');
  });
});
