import { screen } from '@testing-library/react';
import { RECORDER, renderTab, repair } from '../__testUtils__/renderTab';

describe('the Spares tab of a device', () => {
  it('shows the device out for repair since its send date, and its loaner and where it stands', async () => {
    const { api } = await renderTab(
      {
        deviceRef: RECORDER,
        deviceClass: 'courtroom-recorder',
        model: 'RE-TC8000',
        fitting: [
          {
            partType: {
              id: 'hdd-4tb',
              name: '4 TB 录像硬盘',
              deviceClasses: ['courtroom-recorder'],
              models: [],
              minimum: 2,
              version: 1,
            },
            total: 1,
            byLocation: [{ locationId: 'store-a', quantity: 1 }],
            belowMinimum: true,
          },
        ],
        used: [],
        repairs: [repair],
        outForRepair: repair,
      },
      true,
    );
    expect(
      await screen.findByTestId('spares-out-for-repair'),
    ).toHaveTextContent(
      'Out for repair since 2026-12-07 (reach, RPR-00003) · Loaner: resource:default/courtroom-recorder-spare at 第一法庭',
    );
    expect(screen.getByTestId('spares-device-fitting')).toHaveTextContent(
      '4 TB 录像硬盘 (hdd-4tb)',
    );
    expect(
      await screen.findByTestId('spares-device-issue'),
    ).toBeInTheDocument();
    expect(api.getDevice).toHaveBeenCalledWith(RECORDER);
  });
});
