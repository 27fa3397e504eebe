import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { InspectionsApi } from '@internal/plugin-inspections-common';
import { screen } from '@testing-library/react';
import { inspectionsApiRef } from '../../api';
import { roundRouteRef, rootRouteRef, scanRouteRef } from '../../routes';
import { ScanPage } from './ScanPage';

describe('the scan page', () => {
  it('names a device with no open check by its title, not its id', async () => {
    const recordScan = jest.fn(async () => ({
      deviceRef: 'resource:default/ups-01',
      deviceTitle: 'UPS 1号',
      scannedAt: '2026-12-04T02:00:00.000Z',
    }));
    await renderInTestApp(<ScanPage />, {
      initialRouteEntries: ['/inspections/scan/default/ups-01'],
      mountedRoutes: {
        '/inspections': rootRouteRef,
        '/inspections/rounds/:roundId': roundRouteRef,
        '/inspections/scan/:namespace/:name': scanRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      apis: [
        [inspectionsApiRef, { recordScan } as unknown as InspectionsApi],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(await screen.findByTestId('scan-no-round')).toHaveTextContent(
      'Scan recorded. UPS 1号 has no open check today.',
    );
  });
});
