import { mockApis } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { ticketsApiRef } from '../../api';
import { courtroomRecorder } from '../../__testUtils__/entities';
import { mockTicketsApi } from '../../__testUtils__/fixtures';
import { renderInDeskApp } from '../../__testUtils__/render';
import { KeyParametersCard } from './KeyParametersCard';

jest.setTimeout(20_000);

describe('the Key parameters card', () => {
  it('shows the registered value over the catalog’s, with the change and its approver', async () => {
    const api = mockTicketsApi();
    api.getParameterRegister.mockResolvedValue({
      device: 'resource:default/courtroom-7-recorder',
      history: [
        {
          device: 'resource:default/courtroom-7-recorder',
          parameter: 'retention-days',
          oldValue: '30',
          newValue: '60',
          changeNumber: 'CHG-2026-00007',
          approvedBy: 'user:default/wuxia',
          approvedAt: '2026-12-01T02:00:00.000Z',
          appliedBy: 'user:default/wangqiang',
          appliedAt: '2026-12-05T13:00:00.000Z',
        },
      ],
    });
    const recorder = {
      ...courtroomRecorder,
      metadata: {
        ...courtroomRecorder.metadata,
        annotations: { 'court-ops.io/asset-tag': 'YX-AV-0007' },
      },
      spec: {
        ...courtroomRecorder.spec,
        keyParameters: [
          { name: 'retention-days', value: '30' },
          { name: 'bitrate', value: '4 Mbps' },
        ],
      },
    };
    await renderInDeskApp(
      <EntityProvider entity={recorder}>
        <KeyParametersCard />
      </EntityProvider>,
      {
        apis: [
          [ticketsApiRef, api],
          [catalogApiRef, catalogApiMock()],
          [permissionApiRef, mockApis.permission()],
        ],
      },
    );
    // The catalog's value shows first; the register's replaces it once loaded.
    await waitFor(() =>
      expect(
        screen.getByTestId('parameter-value-retention-days'),
      ).toHaveTextContent('60'),
    );
    expect(screen.getByTestId('parameter-value-bitrate')).toHaveTextContent(
      '4 Mbps',
    );
    const row = await screen.findByTestId(
      'history-CHG-2026-00007-retention-days',
    );
    expect(row).toHaveTextContent('30 → 60');
    expect(api.getParameterRegister).toHaveBeenCalledWith(
      'resource:default/courtroom-7-recorder',
    );
  });
});
