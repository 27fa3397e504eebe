import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { plan, renderAs } from '../../__testUtils__/majorEvents';

describe('major events (重点保障), as an engineer', () => {
  it('lists a plan in the court’s time and opens it; an engineer may not edit it nor write its summary', async () => {
    const permissions = await renderAs(false, '2027-01-05T05:00:00.000Z', {
      listMajorEvents: async () => [plan],
    });
    await permissions.answered('duty.major-event.manage');
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
});
