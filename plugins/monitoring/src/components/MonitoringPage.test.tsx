import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { monitoringApiRef } from '../api';
import {
  makeAlert,
  mockMonitoringApi,
  mockSignals,
  NETWORK,
  TRIAL_AV,
} from '../__testUtils__/fixtures';
import { rootRouteRef, ticketRouteRef, wallRouteRef } from '../routes';
import { MonitoringPage } from './MonitoringPage';
import { WallPage } from './WallPage';

const catalog = () =>
  catalogApiMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'court-network', title: '法院网络' },
        spec: { owner: 'group:default/it' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'trial-av' },
        spec: { owner: 'group:default/it' },
      },
    ],
  });

async function render(
  element: JSX.Element,
  api = mockMonitoringApi(),
  permission = mockApis.permission(),
) {
  const signals = mockSignals();
  await renderInTestApp(element, {
    apis: [
      [monitoringApiRef, api],
      [catalogApiRef, catalog()],
      [permissionApiRef, permission],
      [signalApiRef, signals.api],
    ],
    mountedRoutes: {
      '/monitoring': rootRouteRef,
      '/monitoring/wall': wallRouteRef,
      '/tickets/:ticketRef': ticketRouteRef,
    },
  });
  return { api, signals };
}

const tile = (ref: string) => screen.findByTestId(`monitoring-tile-${ref}`);

describe('MonitoringPage', () => {
  it('shows every catalog system green until an alert of it is open, then red and worst first', async () => {
    const { api, signals } = await render(<MonitoringPage />);
    expect(await tile(NETWORK)).toHaveAttribute('data-colour', 'green');
    expect(await tile(TRIAL_AV)).toHaveAttribute('data-colour', 'green');
    expect(api.listIncidents).toHaveBeenCalledWith({
      status: 'open',
      limit: 500,
    });

    api.listIncidents.mockResolvedValue([
      makeAlert(),
      makeAlert({
        fingerprint: 'recorder-disk',
        severity: 'warning',
        system: TRIAL_AV,
        ticketNumber: 'INC-2026-00043',
      }),
    ]);
    signals.emit({ source: 'alertmanager' });

    await waitFor(async () =>
      expect(await tile(NETWORK)).toHaveAttribute('data-colour', 'red'),
    );
    expect(await tile(TRIAL_AV)).toHaveAttribute('data-colour', 'amber');
    expect(await tile(NETWORK)).toHaveTextContent('法院网络');
    expect(
      screen.getAllByTestId(/^monitoring-tile-/).map(el => el.dataset.colour),
    ).toEqual(['red', 'amber']);
    expect(
      screen.getByTestId('monitoring-incident-INC-2026-00042'),
    ).toHaveAttribute('href', '/tickets/INC-2026-00042');
  });

  it("shows the desk the unmapped alerts and dead letters as tabs", async () => {
    const api = mockMonitoringApi();
    api.listUnmapped.mockResolvedValue([
      makeAlert({
        fingerprint: 'unknown-host',
        title: '未知主机 CPU 高',
        entityRef: undefined,
        system: undefined,
        ticketNumber: undefined,
      }),
    ]);
    api.listDeadLetters.mockResolvedValue([
      {
        id: 7,
        source: 'generic',
        receivedAt: '2026-12-06T02:00:00.000Z',
        error: 'body.alerts.0.startsAt: Invalid ISO datetime',
        body: '{"alerts":[{"id":"x"}]}',
      },
    ]);
    await render(<MonitoringPage />, api);
    await userEvent.click(await screen.findByTestId('monitoring-tab-unmapped'));
    expect(await screen.findByTestId('monitoring-unmapped')).toHaveTextContent(
      '未知主机 CPU 高',
    );
    await userEvent.click(screen.getByTestId('monitoring-tab-deadLetters'));
    const letters = await screen.findByTestId('monitoring-dead-letters');
    // The court reads the instant in its own zone (UTC+8).
    expect(letters).toHaveTextContent('2026-12-06 10:00');
    expect(letters).toHaveTextContent('body.alerts.0.startsAt');
  });

  it('keeps the intake tabs from a role without the intake permission', async () => {
    const permissions = answeringPermissionApi(request =>
      request.permission.name === 'monitoring.intake.read'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    const { api } = await render(
      <MonitoringPage />,
      mockMonitoringApi(),
      permissions.api,
    );
    await permissions.answered('monitoring.intake.read');
    expect(await screen.findByTestId('monitoring-tab-board')).toBeVisible();
    expect(screen.queryByTestId('monitoring-tab-unmapped')).toBeNull();
    expect(screen.queryByTestId('monitoring-tab-deadLetters')).toBeNull();
    expect(api.listUnmapped).not.toHaveBeenCalled();
  });
});

describe('WallPage', () => {
  it('shows the board full screen and turns a system red on the signal', async () => {
    const { api, signals } = await render(<WallPage />);
    expect(await screen.findByTestId('monitoring-wall')).toHaveStyle({
      position: 'fixed',
    });
    expect(await tile(NETWORK)).toHaveAttribute('data-colour', 'green');
    api.listIncidents.mockResolvedValue([makeAlert()]);
    signals.emit({ source: 'generic' });
    await waitFor(async () =>
      expect(await tile(NETWORK)).toHaveAttribute('data-colour', 'red'),
    );
    expect(await tile(NETWORK)).toHaveTextContent('核心交换机离线');
  });
});
