import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  CoverageFigures,
  CoverageQuery,
  CoverageReport,
  InspectionsApi,
  VirusSummaryQuery,
} from '@internal/plugin-inspections-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime, Settings } from 'luxon';
import { inspectionsApiRef } from '../../api';
import { CoverageView } from './CoverageView';

const figures: CoverageFigures = {
  devices: 2,
  inspected: 1,
  overdue: 1,
  pending: 0,
  failed: 0,
  checksDue: 10,
  checksDone: 9,
  checksFailed: 0,
  checksOverdue: 1,
  coverage: 0.9,
};

function mockApi() {
  const getVirusSummary = jest.fn(async (query: VirusSummaryQuery) => ({
    from: query.from!,
    to: query.to!,
    checks: 0,
    pcs: 0,
    infectedChecks: 0,
    infectedPcs: 0,
    virusesFound: 0,
    handling: {},
  }));
  const getCoverage = jest.fn(
    async (query: CoverageQuery): Promise<CoverageReport> => ({
      from: query.from,
      to: query.to,
      asOf: query.to,
      totals: figures,
      bySystem: [],
      byClass: [{ key: 'courtroom-recorder', ...figures }],
      devices: [],
      overdue: [],
    }),
  );
  const api = {
    getCoverage,
    getVirusSummary,
    getTemplates: jest.fn(async () => []),
  } as unknown as InspectionsApi;
  return { api, getVirusSummary };
}

describe('the coverage view', () => {
  const realNow = Settings.now;
  // "Today" in the court: Saturday 2026-12-05.
  beforeEach(() => {
    const now = DateTime.fromISO('2026-12-05T10:00', { zone: 'Asia/Shanghai' }).toMillis();
    Settings.now = () => now;
  });
  afterEach(() => {
    Settings.now = realNow;
  });

  it('asks for the whole year’s virus statistics on “This year”, not January’s', async () => {
    const { api, getVirusSummary } = mockApi();
    await renderInTestApp(<CoverageView />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [inspectionsApiRef, api],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    await waitFor(() =>
      expect(getVirusSummary).toHaveBeenLastCalledWith({
        from: '2026-12-01',
        to: '2026-12-05',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'This year' }));
    await waitFor(() =>
      expect(getVirusSummary).toHaveBeenLastCalledWith({
        from: '2026-01-01',
        to: '2026-12-05',
      }),
    );
    expect(
      await screen.findByText('Virus handling, 2026-01-01 – 2026-12-05 (INSP-3)'),
    ).toBeInTheDocument();
  });

  it('names the device classes of the coverage table', async () => {
    const { api } = mockApi();
    await renderInTestApp(<CoverageView />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [inspectionsApiRef, api],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(await screen.findByText('Courtroom recorder')).toBeInTheDocument();
    expect(screen.queryByText('courtroom-recorder')).toBeNull();
  });
});
