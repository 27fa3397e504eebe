import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoster, roster } from '../../__testUtils__/roster';

describe('the roster calendar for those who do not manage it', () => {
  it('gives others the calendar without any editing', async () => {
    const permissions = await renderRoster(false, {
      getRoster: async () => roster,
    });
    await permissions.answered('duty.roster.manage');
    const cell = await screen.findByTestId('cell-2027-01-02-desk');
    // Engineers by their names in the catalog.
    expect(await within(cell).findByText('李娜')).toBeInTheDocument();
    expect(
      screen.queryByTestId('add-2027-01-02-software'),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('roster-generate')).not.toBeInTheDocument();
    expect(screen.queryByTestId('roster-publish')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('shift-s1'));
    expect(screen.queryByTestId('assign-engineer')).not.toBeInTheDocument();
  });
});
