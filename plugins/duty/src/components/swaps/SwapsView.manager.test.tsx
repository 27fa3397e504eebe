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
import { MONTH, NOW, requested, roster } from '../../__testUtils__/swaps';

// The ops manager: manages rosters and stands no shift of this month. usePermission caches per file.
async function renderAsOpsManager(calls: Parameters<typeof fakeDutyApi>[0]) {
  const permissions = answeringPermissionApi(() => AuthorizeResult.ALLOW);
  const onOpenRoster = jest.fn();
  await renderInTestApp(
    <SwapsView
      month={MONTH}
      now={NOW}
      posts={posts}
      engineers={engineers}
      onOpenRoster={onOpenRoster}
    />,
    {
      apis: [
        [
          dutyApiRef,
          fakeDutyApi({
            myShifts: async () => [],
            getRoster: async () => roster,
            ...calls,
          }),
        ],
        [permissionApiRef, permissions.api],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ],
    },
  );
  return { permissions, onOpenRoster };
}

describe('swaps, as the ops manager sees them', () => {
  it('approves a requested swap and opens the roster where it shows', async () => {
    const listSwaps = jest
      .fn()
      .mockResolvedValueOnce([requested])
      .mockResolvedValue([
        {
          ...requested,
          status: 'approved',
          decidedBy: 'user:default/sunlei',
          decidedAt: '2027-01-01T03:00:00.000Z',
        },
      ]);
    const decideSwap = jest.fn(async () => requested);
    const { permissions, onOpenRoster } = await renderAsOpsManager({
      listSwaps,
      decideSwap,
    });
    await permissions.answered('duty.roster.manage');
    // Nothing of their own to hand over this month.
    expect(await screen.findByTestId('swap-nothing')).toBeInTheDocument();

    const card = await screen.findByTestId('swap-w1');
    expect(card).toHaveTextContent('5日家中有事');
    await userEvent.click(within(card).getByTestId('swap-approve'));
    expect(decideSwap).toHaveBeenCalledWith('w1', {
      approve: true,
      reason: undefined,
    });
    await waitFor(() =>
      expect(within(card).getByTestId('swap-status')).toHaveTextContent(
        'Approved',
      ),
    );
    expect(card).toHaveTextContent('Decided by 孙磊');
    expect(within(card).queryByTestId('swap-approve')).not.toBeInTheDocument();
    await userEvent.click(within(card).getByTestId('swap-open-roster'));
    expect(onOpenRoster).toHaveBeenCalledWith(MONTH);
  });

  it('shows why the backend refused an approval (a rule the swap would break); the swap still waits', async () => {
    const decideSwap = jest.fn(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'ConflictError',
              message:
                'rest: liuyang has no rest after phone duty on 2027-01-06',
            },
          }),
          { status: 409, headers: { 'Content-Type': 'application/json' } },
        ),
      );
    });
    await renderAsOpsManager({
      listSwaps: async () => [requested],
      decideSwap,
    });
    const card = await screen.findByTestId('swap-w1');
    await userEvent.click(within(card).getByTestId('swap-approve'));
    expect(decideSwap).toHaveBeenCalledWith('w1', {
      approve: true,
      reason: undefined,
    });
    expect(await within(card).findByTestId('decision-error')).toHaveTextContent(
      'rest: liuyang has no rest after phone duty',
    );
    expect(within(card).getByTestId('swap-status')).toHaveTextContent(
      'Waiting for the ops manager',
    );
  });
});
