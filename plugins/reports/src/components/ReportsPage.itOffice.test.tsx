import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  ACKNOWLEDGE,
  atBeijingDecemberFirst,
  fakeApi,
  ISSUE,
  renderPage,
} from '../__testUtils__/reportsPage';
import { issuedReport } from '../__testUtils__/fixtures';

// The court IT office (信息中心) acknowledges receipt; it does not issue.
describe('ReportsPage, as the court IT office', () => {
  atBeijingDecemberFirst();

  it('shows the changes since the previous version, and lets only the court IT office acknowledge', async () => {
    const office = fakeApi();
    office.setReports([
      issuedReport({
        id: 'r2',
        version: 2,
        changesFromPrevious: [
          { path: 'tickets.services.total', before: 11, after: 12 },
        ],
      }),
    ]);
    const answers = await renderPage(office.api, [ACKNOWLEDGE]);
    expect(await screen.findByTestId('changes-2')).toHaveTextContent(
      'Changed since the previous version: tickets.services.total 11 → 12',
    );
    await answers.answered(ISSUE);
    expect(screen.queryByTestId('issue-report')).toBeNull();
    fireEvent.click(await screen.findByTestId('acknowledge-2'));
    await waitFor(() =>
      expect(screen.getByTestId('receipt-2')).toHaveTextContent(
        'Receipt acknowledged by',
      ),
    );
    expect(office.acknowledged).toEqual(['r2']);
    expect(screen.queryByTestId('acknowledge-2')).toBeNull();
  });
});
