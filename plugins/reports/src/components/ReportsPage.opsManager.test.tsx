import { fireEvent, screen } from '@testing-library/react';
import {
  ACKNOWLEDGE,
  atBeijingDecemberFirst,
  fakeApi,
  ISSUE,
  renderPage,
} from '../__testUtils__/reportsPage';

// The ops manager (运维经理) issues reports; the court IT office acknowledges them.
describe('ReportsPage, as the ops manager', () => {
  atBeijingDecemberFirst();

  it('lets the ops manager issue the period’s report and see its files, but not acknowledge it', async () => {
    const { api, issued } = fakeApi();
    const answers = await renderPage(api, [ISSUE]);
    fireEvent.click(await screen.findByTestId('issue-report'));
    fireEvent.click(await screen.findByTestId('confirm-issue'));
    expect(await screen.findByTestId('issue-outcome')).toHaveTextContent(
      'Issued version 1.',
    );
    expect(issued).toEqual([
      {
        kind: 'month',
        from: '2026-11-01',
        to: '2026-11-30',
        system: undefined,
        language: 'zh',
      },
    ]);
    expect(await screen.findByTestId('file-1-report.docx')).toHaveTextContent(
      `report.docx · SHA-256 ${'a'.repeat(64)}`,
    );
    expect(screen.getByTestId('download-r1-report.xlsx')).toBeInTheDocument();
    // The ops manager does not acknowledge (asked once per file: usePermission caches it).
    await answers.answered(ACKNOWLEDGE);
    expect(screen.getByTestId('receipt-1')).toHaveTextContent(
      'Not acknowledged yet',
    );
    expect(screen.queryByTestId('acknowledge-1')).toBeNull();
  });
});
