import { screen } from '@testing-library/react';
import { RECORDER, renderTab } from '../__testUtils__/renderTab';

describe('the Spares tab for a role that may only read', () => {
  it('shows no issue or repair button to a role that may only read, once the answer is in', async () => {
    const { permissions } = await renderTab(
      { deviceRef: RECORDER, fitting: [], used: [], repairs: [] },
      false,
    );
    expect(
      await screen.findByText(
        'This device has no device facts, so no part is known to fit.',
      ),
    ).toBeInTheDocument();
    await permissions.answered('spares.stock.move');
    expect(screen.queryByTestId('spares-device-issue')).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('spares-out-for-repair'),
    ).not.toBeInTheDocument();
  });
});
