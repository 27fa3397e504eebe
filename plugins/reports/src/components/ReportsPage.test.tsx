import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  ACKNOWLEDGE,
  atBeijingDecemberFirst,
  fakeApi,
  ISSUE,
  renderPage,
} from '../__testUtils__/reportsPage';
import { issuedReport } from '../__testUtils__/fixtures';

// The desk reads reports but neither issues nor acknowledges them. The ops manager's and the court
// IT office's views are in files of their own, as usePermission caches answers per file.
describe('ReportsPage, as the desk', () => {
  atBeijingDecemberFirst();

  it('offers neither issuing nor acknowledging, once the permission answers are in', async () => {
    // First in the file: usePermission caches answers, so a later test would not ask again.
    const desk = fakeApi();
    desk.setReports([issuedReport({})]);
    const answers = await renderPage(desk.api);
    await screen.findByTestId('receipt-1');
    await answers.answered(ISSUE);
    await answers.answered(ACKNOWLEDGE);
    expect(screen.queryByTestId('issue-report')).toBeNull();
    expect(screen.queryByTestId('acknowledge-1')).toBeNull();
  });

  it('opens on last month in Beijing, each tile beside the previous period with the change', async () => {
    const { api, figureQueries } = fakeApi();
    await renderPage(api);
    expect(await screen.findByTestId('tile-services-value')).toHaveTextContent(
      '12',
    );
    expect(figureQueries[0]).toEqual({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
      system: undefined,
    });
    expect(screen.getByTestId('period-range')).toHaveTextContent(
      '2026-11-01 to 2026-11-30 (Beijing time), compared with 2026-10-01 to 2026-10-31',
    );
    expect(screen.getByTestId('tile-services-previous')).toHaveTextContent(
      'Previous: 10',
    );
    expect(screen.getByTestId('tile-services-delta')).toHaveTextContent(
      'Change: +2',
    );
    expect(screen.getByTestId('tile-compliance-value')).toHaveTextContent(
      '90.0%',
    );
    expect(screen.getByTestId('tile-compliance-previous')).toHaveTextContent(
      'Previous: 95.0%',
    );
    expect(screen.getByTestId('tile-compliance-delta')).toHaveTextContent(
      'Change: -5 pp',
    );
    expect(screen.getByTestId('tile-breaches-value')).toHaveTextContent('1');
    expect(
      screen.getByTestId('tile-inspectionCoverage-value'),
    ).toHaveTextContent('95.0%');
    // Breaches link to the ticket's page; the chart draws L2 at 0% and L3 at 100%.
    expect(
      within(screen.getByTestId('breaches')).getByTestId(
        'ticket-link-INC-2026-00001',
      ),
    ).toHaveAttribute('href', '/tickets/INC-2026-00001');
    expect(screen.getByTestId('chart-compliance-L3')).toHaveTextContent(
      '100.0%',
    );
    expect(screen.getByTestId('chart-compliance-L2')).toHaveTextContent('0.0%');

    fireEvent.click(screen.getByTestId('period-previous'));
    await waitFor(() =>
      expect(figureQueries.at(-1)).toEqual({
        kind: 'month',
        from: '2026-10-01',
        to: '2026-10-31',
        system: undefined,
      }),
    );
  });

  it('drills from the breaches tile to the very tickets counted, and from a table cell', async () => {
    const { api } = fakeApi();
    await renderPage(api);
    fireEvent.click(await screen.findByTestId('tile-breaches-drill'));
    const drill = await screen.findByTestId('drill-down');
    await waitFor(() =>
      expect(within(drill).getAllByTestId(/^drill-row-/)).toHaveLength(1),
    );
    expect(
      within(drill).getByTestId('ticket-link-INC-2026-00001'),
    ).toHaveAttribute('href', '/tickets/INC-2026-00001');
    // Not the one breached in December, nor October's breach stopped in November.
    expect(within(drill).queryByTestId('drill-row-INC-2026-00003')).toBeNull();
    expect(within(drill).queryByTestId('drill-row-INC-2026-00004')).toBeNull();

    fireEvent.click(screen.getByTestId('level-resolution-L3-running'));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('drill-down'))
          .getAllByTestId(/^drill-row-/)
          .map(r => r.dataset.testid),
      ).toEqual(['drill-row-INC-2026-00003']),
    );
  });

  it('shows the backend’s 400 naming the field for a period that ends before it starts', async () => {
    const { api } = fakeApi();
    await renderPage(api);
    await screen.findByTestId('tile-services-value');
    fireEvent.change(screen.getByTestId('period-kind'), {
      target: { value: 'custom' },
    });
    fireEvent.change(await screen.findByTestId('period-from'), {
      target: { value: '2026-11-30' },
    });
    fireEvent.change(screen.getByTestId('period-to'), {
      target: { value: '2026-11-01' },
    });
    expect(await screen.findByTestId('figures-error')).toHaveTextContent(
      'query.to: ends before it starts (2026-11-30)',
    );
  });

  it('tells court staff the reports are not available for their role', async () => {
    const { api } = fakeApi({ forbidden: true });
    await renderPage(api);
    expect(await screen.findByTestId('not-for-role')).toHaveTextContent(
      'Not available for your role',
    );
    expect(screen.queryByTestId('report-figures')).toBeNull();
  });
});
