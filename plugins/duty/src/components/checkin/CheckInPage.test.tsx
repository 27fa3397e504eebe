import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dutyApiRef } from '../../api';
import {
  engineers,
  fakeDutyApi,
  posts,
  shiftOf,
} from '../../__testUtils__/testData';
import { CheckInPage } from './CheckInPage';

const shift = shiftOf({
  id: 's1',
  date: '2027-02-08',
  kind: 'on-site',
  post: 'desk',
  engineer: 'user:default/lina',
});

function renderAt(url: string, calls: Parameters<typeof fakeDutyApi>[0]) {
  return renderInTestApp(<CheckInPage />, {
    initialRouteEntries: [url],
    apis: [
      [
        dutyApiRef,
        fakeDutyApi({
          getSetup: async () => ({ posts, engineers, zone: 'Asia/Shanghai' }),
          onCall: async () => ({
            at: '2027-02-08T00:00:00.000Z',
            onSiteHours: true,
            onSite: [],
          }),
          ...calls,
        }),
      ],
    ],
  });
}

describe('check-in from the duty room’s QR code', () => {
  it('sends the room’s code and shows the time in the court’s zone and the flag', async () => {
    const checkIn = jest.fn(async () => ({
      shift,
      checkedInAt: '2027-02-07T23:52:00.000Z',
      method: 'qr' as const,
      flag: 'late' as const,
    }));
    await renderAt('/duty/check-in?room=court-duty-room', { checkIn });
    await userEvent.click(await screen.findByTestId('check-in'));
    expect(checkIn).toHaveBeenCalledWith({ roomCode: 'court-duty-room' });
    expect(await screen.findByTestId('check-in-result')).toHaveTextContent(
      'Checked in at 07:52 (late)',
    );
  });

  it('checks in by the button without a code, and shows a second check-in’s refusal', async () => {
    const checkIn = jest.fn(async () => {
      throw new Error('You have already checked in to this shift');
    });
    await renderAt('/duty/check-in', { checkIn });
    await userEvent.click(await screen.findByTestId('check-in'));
    expect(checkIn).toHaveBeenCalledWith({});
    expect(await screen.findByTestId('check-in-error')).toHaveTextContent(
      'You have already checked in to this shift',
    );
  });
});
