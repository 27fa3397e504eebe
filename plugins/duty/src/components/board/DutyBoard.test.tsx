import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { dutyApiRef } from '../../api';
import { engineers, fakeDutyApi, posts } from '../../__testUtils__/testData';
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
      ],
    });
    const board = await screen.findByTestId('duty-board');
    expect(board).toHaveTextContent('On duty 2027-02-06 01:00');
    expect(screen.getByTestId('board-on-site')).toHaveTextContent(
      'Outside on-site hours',
    );
    expect(screen.getByTestId('board-phone')).toHaveTextContent('zhangwei');
    expect(screen.getByTestId('board-on-leave')).toHaveTextContent('chenjing');
    expect(screen.getByTestId('board-on-leave')).not.toHaveTextContent(
      'wangqiang',
    );
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
      ],
    });
    const onSite = await screen.findByTestId('board-on-site');
    expect(onSite).toHaveTextContent('服务台（兼硬件）: lina、zhangwei');
    expect(onSite).toHaveTextContent('软件岗: liuyang');
    expect(onSite).not.toHaveTextContent('硬件岗:');
    expect(screen.getByTestId('board-phone')).toHaveTextContent('Nobody');
    expect(screen.getByTestId('board-first')).toHaveTextContent(
      'Call first: lina',
    );
  });
});
