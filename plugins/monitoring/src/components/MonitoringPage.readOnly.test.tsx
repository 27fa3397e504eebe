import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { screen } from '@testing-library/react';
import { mockMonitoringApi } from '../__testUtils__/fixtures';
import { renderBoard as render } from '../__testUtils__/renderBoard';
import { MonitoringPage } from './MonitoringPage';

describe('MonitoringPage without the intake permission', () => {
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
