import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeAlert,
  mockMonitoringApi,
  NETWORK,
  TRIAL_AV,
} from '../__testUtils__/fixtures';
import { renderBoard as render } from '../__testUtils__/renderBoard';
import { MonitoringPage } from './MonitoringPage';
import { WallPage } from './WallPage';

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
