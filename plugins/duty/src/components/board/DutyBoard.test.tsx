import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import { dutyApiRef } from '../../api';
import {
  engineers,
  fakeDutyApi,
  people,
  posts,
} from '../../__testUtils__/testData';
import { DutyBoard } from './DutyBoard';

const setup = { posts, engineers, zone: 'Asia/Shanghai' };

const leaveOf = (engineer: string, from: string, to: string) => ({
  id: `${engineer}-${from}`,
  engineer,
  from,
  to,
  reason: '年假',
  status: 'approved' as const,
  requestedAt: '2027-01-01T00:00:00.000Z',
  version: 3,
});

describe("today's duty board", () => {
  it('shows who is on site by post, on the phone, and on leave on the court’s day', async () => {
    // 2027-02-05T17:00Z is 01:00 on 2027-02-06 in Shanghai (the Spring Festival eve): the court's
    // date, not the UTC one, decides whose leave is today.
    const listLeave = jest.fn(async () => [
      leaveOf('user:default/chenjing', '2027-02-06', '2027-02-10'),
      leaveOf('user:default/wangqiang', '2027-02-01', '2027-02-05'),
    ]);
    await renderInTestApp(<DutyBoard />, {
      apis: [
        [
          dutyApiRef,
          fakeDutyApi({
            getSetup: async () => setup,
            listLeave,
            onCall: async () => ({
              at: '2027-02-05T17:00:00.000Z',
              onSiteHours: false,
              onSite: [],
              phone: 'user:default/zhangwei',
              first: 'user:default/zhangwei',
            }),
          }),
        ],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ],
    });
    const board = await screen.findByTestId('duty-board');
    expect(board).toHaveTextContent('On duty 2027-02-06 01:00');
    expect(screen.getByTestId('board-on-site')).toHaveTextContent(
      'Outside on-site hours',
    );
    await waitFor(() =>
      expect(screen.getByTestId('board-phone')).toHaveTextContent('张伟'),
    );
    // chenjing is not in the catalog: her ref's name stands in.
    expect(screen.getByTestId('board-on-leave')).toHaveTextContent('chenjing');
    expect(screen.getByTestId('board-on-leave')).not.toHaveTextContent('王强');
    expect(listLeave).toHaveBeenCalledWith({ status: 'approved' });
  });

  it('lists the day shift by post in on-site hours', async () => {
    await renderInTestApp(<DutyBoard big />, {
      apis: [
        [
          dutyApiRef,
          fakeDutyApi({
            getSetup: async () => setup,
            listLeave: async () => [],
            onCall: async () => ({
              at: '2027-02-08T02:00:00.000Z',
              onSiteHours: true,
              onSite: [
                { post: 'desk', engineer: 'user:default/lina' },
                { post: 'software', engineer: 'user:default/liuyang' },
                { post: 'desk', engineer: 'user:default/zhangwei' },
              ],
              first: 'user:default/lina',
            }),
          }),
        ],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ],
    });
    const onSite = await screen.findByTestId('board-on-site');
    await waitFor(() =>
      expect(onSite).toHaveTextContent('服务台（兼硬件）: 李娜、张伟'),
    );
    expect(onSite).toHaveTextContent('软件岗: 刘洋');
    expect(onSite).not.toHaveTextContent('硬件岗:');
    expect(screen.getByTestId('board-phone')).toHaveTextContent('Nobody');
    expect(screen.getByTestId('board-first')).toHaveTextContent(
      'Call first: 李娜',
    );
  });
});
