import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { screen, waitFor, within } from '@testing-library/react';
import { monitoringApiRef } from '../api';
import {
  makeAlert,
  mockMonitoringApi,
  mockSignals,
  NETWORK,
} from '../__testUtils__/fixtures';
import { rootRouteRef, ticketRouteRef } from '../routes';
import { EntityMonitoringContent } from './EntityMonitoringContent';
import { OpenAlertsCard } from './OpenAlertsCard';

async function render(element: JSX.Element, api = mockMonitoringApi()) {
  const signals = mockSignals();
  await renderInTestApp(element, {
    apis: [
      [monitoringApiRef, api],
      [permissionApiRef, mockApis.permission()],
      [signalApiRef, signals.api],
    ],
    mountedRoutes: {
      '/monitoring': rootRouteRef,
      '/tickets/:ticketRef': ticketRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
  });
  return { api, signals };
}

describe('EntityMonitoringContent', () => {
  it("lists a system's open alerts apart from its history, with the incidents they made", async () => {
    const api = mockMonitoringApi([
      makeAlert({ flapping: true }),
      makeAlert({
        fingerprint: 'uplink-errors',
        title: '上联链路误码',
        status: 'cleared',
        ticketNumber: 'INC-2026-00040',
        clearedAt: '2026-12-06T03:00:00.000Z',
      }),
    ]);
    await render(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: 'court-network', namespace: 'default' },
          spec: { owner: 'group:default/it' },
        }}
      >
        <EntityMonitoringContent />
      </EntityProvider>,
      api,
    );
    const open = await screen.findByTestId('monitoring-entity-open');
    const history = screen.getByTestId('monitoring-entity-history');
    expect(api.listIncidents).toHaveBeenCalledWith({
      entityRef: NETWORK,
      limit: 200,
    });
    expect(open).toHaveTextContent('核心交换机离线');
    expect(open).toHaveTextContent('flapping');
    expect(open).not.toHaveTextContent('上联链路误码');
    expect(history).toHaveTextContent('上联链路误码');
    // Cleared at 03:00 UTC is 11:00 at the court.
    expect(history).toHaveTextContent('2026-12-06 11:00');
    expect(
      within(history).getByTestId('monitoring-incident-INC-2026-00040'),
    ).toHaveAttribute('href', '/tickets/INC-2026-00040');
  });
});

describe('OpenAlertsCard', () => {
  it('lists the open alerts with links to their incidents and refreshes on the signal', async () => {
    const { api, signals } = await render(<OpenAlertsCard />);
    expect(
      await screen.findByTestId('monitoring-open-alerts-card'),
    ).toHaveTextContent('No open alerts.');
    expect(api.listIncidents).toHaveBeenCalledWith({
      status: 'open',
      limit: 10,
    });
    api.listIncidents.mockResolvedValue([makeAlert({ occurrences: 4 })]);
    signals.emit({ source: 'zabbix' });
    const link = await screen.findByTestId(
      'monitoring-incident-INC-2026-00042',
    );
    expect(link).toHaveAttribute('href', '/tickets/INC-2026-00042');
    await waitFor(() =>
      expect(screen.getByTestId('monitoring-open-alerts-card')).toHaveTextContent(
        '×4',
      ),
    );
  });
});
