import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dutyApiRef } from '../../api';
import {
  engineers,
  fakeDutyApi,
  people,
  posts,
} from '../../__testUtils__/testData';
import { SwapsView } from './SwapsView';
import {
  linaShifts,
  MONTH,
  NOW,
  requested,
  roster,
} from '../../__testUtils__/swaps';

// An engineer: stands shifts, does not manage rosters. usePermission caches answers per file.
async function renderAsEngineer(calls: Parameters<typeof fakeDutyApi>[0]) {
  const permissions = answeringPermissionApi(request =>
    request.permission.name === 'duty.roster.manage'
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW,
  );
  await renderInTestApp(
    <SwapsView
      month={MONTH}
      now={NOW}
      posts={posts}
      engineers={engineers}
      onOpenRoster={() => {}}
    />,
    {
      apis: [
        [
          dutyApiRef,
          fakeDutyApi({
            myShifts: async () => linaShifts,
            getRoster: async () => roster,
            ...calls,
          }),
        ],
        [permissionApiRef, permissions.api],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ],
    },
  );
  return permissions;
}

const choose = async (testId: string, label: string) =>
  userEvent.selectOptions(await screen.findByTestId(testId), label);

describe('swaps, as an engineer sees them', () => {
  it('asks a colleague to take a shift not yet started, with one of theirs in return', async () => {
    const listSwaps = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValue([requested]);
    const requestSwap = jest.fn(async () => requested);
    const permissions = await renderAsEngineer({ listSwaps, requestSwap });
    await permissions.answered('duty.shift.stand');
    expect(await screen.findByTestId('swaps-none')).toBeInTheDocument();

    // Only the shift to come is offered, not the one that has started.
    const mine = await screen.findByTestId('swap-shift');
    await waitFor(() =>
      expect(
        within(mine)
          .getAllByRole('option')
          .map(o => o.textContent),
      ).toEqual(['Choose…', '2027-01-05 · 服务台（兼硬件）']),
    );
    await choose('swap-shift', '2027-01-05 · 服务台（兼硬件）');
    // Colleagues are the team but 李娜 herself, by their names in the catalog.
    await waitFor(() =>
      expect(
        within(screen.getByTestId('swap-colleague'))
          .getAllByRole('option')
          .map(o => o.textContent),
      ).toEqual(['Choose…', '张伟', '刘洋']),
    );
    await choose('swap-colleague', '刘洋');
    await choose('swap-return', '2027-01-06 · Phone duty');
    await userEvent.type(screen.getByTestId('swap-note'), '5日家中有事');
    await userEvent.click(screen.getByTestId('swap-submit'));

    expect(requestSwap).toHaveBeenCalledWith({
      shiftId: '2027-01-05.on-site.desk.1',
      toEngineer: 'user:default/liuyang',
      returnShiftId: '2027-01-06.phone',
      note: '5日家中有事',
    });
    expect(await screen.findByTestId('swap-requested')).toBeInTheDocument();
    const card = await screen.findByTestId('swap-w1');
    expect(card).toHaveTextContent(
      '2027-01-05 · 服务台（兼硬件）: 李娜 → 刘洋',
    );
    expect(card).toHaveTextContent(
      '李娜 takes 2027-01-06 · Phone duty in return',
    );
    expect(within(card).getByTestId('swap-status')).toHaveTextContent(
      'Waiting for the ops manager',
    );
    // Only the ops manager decides.
    expect(within(card).queryByTestId('swap-approve')).not.toBeInTheDocument();
  });

  it("shows the backend's refusal and keeps the form", async () => {
    const requestSwap = jest.fn(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'ConflictError',
              message: 'Shift 2027-01-05.on-site.desk.1 has started',
            },
          }),
          { status: 409, headers: { 'Content-Type': 'application/json' } },
        ),
      );
    });
    await renderAsEngineer({ listSwaps: async () => [], requestSwap });
    await choose('swap-shift', '2027-01-05 · 服务台（兼硬件）');
    await choose('swap-colleague', '张伟');
    await userEvent.click(screen.getByTestId('swap-submit'));
    expect(await screen.findByTestId('swap-error')).toHaveTextContent(
      'Shift 2027-01-05.on-site.desk.1 has started',
    );
    expect(screen.getByTestId('swap-shift')).toHaveValue(
      '2027-01-05.on-site.desk.1',
    );
  });
});
