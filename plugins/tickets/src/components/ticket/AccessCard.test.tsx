import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { AccessApi, AccessGrant } from '@internal/plugin-access-common';
import { accessApiRef } from '@internal/plugin-court-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeTicket } from '../../__testUtils__/fixtures';
import { renderInDeskApp } from '../../__testUtils__/render';
import { AccessCard } from './AccessCard';

jest.setTimeout(20_000);

const LIVE: AccessGrant = {
  id: 'g-1',
  entityRef: 'resource:default/pc-xuli',
  ownerRef: 'user:default/xuli',
  ticket: 'INC-2026-00042',
  scopes: ['view-screen', 'copy-files'],
  reason: '打印机驱动异常',
  requestedBy: 'user:default/liuyang',
  requestedAt: '2026-12-05T02:00:00.000Z',
  startsAt: '2026-12-05T02:10:00.000Z',
  endsAt: '2026-12-05T03:10:00.000Z',
  decision: 'approved',
  state: 'live',
  verificationCode: '482719',
  revision: 2,
  uses: [],
};

describe('AccessCard on the ticket page', () => {
  it('shows the live grant with its code and requests access for a device of the ticket', async () => {
    const access = {
      listGrants: jest.fn(async () => [LIVE]),
      requestGrant: jest.fn(async () => LIVE),
    } as unknown as jest.Mocked<AccessApi>;
    const permissions = answeringPermissionApi(() => AuthorizeResult.ALLOW);
    const ticket = makeTicket({
      number: 'INC-2026-00042',
      entityRefs: ['resource:default/pc-xuli'],
    });
    await renderInDeskApp(<AccessCard ticket={ticket} />, {
      apis: [
        [accessApiRef, access],
        [permissionApiRef, permissions.api],
      ],
    });
    expect(await screen.findByTestId('access-code')).toHaveTextContent(
      '482719',
    );
    // Only grants still to be used are asked for: an expired one leaves the ticket.
    expect(access.listGrants).toHaveBeenCalledWith({
      ticket: 'INC-2026-00042',
      state: ['requested', 'approved', 'live'],
    });

    const form = await screen.findByTestId('access-request');
    await userEvent.click(within(form).getByLabelText('Copy files'));
    await userEvent.type(within(form).getByTestId('access-reason'), '拷贝日志');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Request access' }),
    );
    await waitFor(() =>
      expect(access.requestGrant).toHaveBeenCalledWith({
        entityRef: 'resource:default/pc-xuli',
        ticket: 'INC-2026-00042',
        scopes: ['view-screen', 'copy-files'],
        reason: '拷贝日志',
        durationMinutes: 60,
      }),
    );
  });
});
