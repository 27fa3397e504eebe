import { within } from '@testing-library/react';
import { renderMyTicketsAs } from '../../__testUtils__/myTickets';

// usePermission caches answers by permission name across renders: one role per file.
describe('MyTicketsCard for court staff', () => {
  it('shows court staff the tickets they reported, linking to the desk', async () => {
    const { api, card } = await renderMyTicketsAs(false);
    expect(within(card).getByText('My tickets')).toBeInTheDocument();
    expect(api.listTickets).toHaveBeenCalledWith(
      expect.objectContaining({ reporter: 'me' }),
    );
    expect(api.listTickets).not.toHaveBeenCalledWith(
      expect.objectContaining({ assignee: 'me' }),
    );
    expect(
      within(card).getByRole('link', { name: 'Open the service desk' }),
    ).toHaveAttribute('href', '/tickets');
  });
});
