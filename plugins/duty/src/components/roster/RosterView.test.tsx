import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MONTH, renderRoster, roster } from '../../__testUtils__/roster';

describe('the roster calendar', () => {
  it('shows the check’s problems and lets the ops manager fill the gap it reports', async () => {
    const getRoster = jest
      .fn()
      .mockResolvedValueOnce(roster)
      .mockResolvedValueOnce({ ...roster, problems: roster.problems.slice(1) });
    const addShift = jest.fn(async () => roster.shifts[2]);
    await renderRoster(true, { getRoster, addShift });

    const problems = await screen.findByTestId('roster-problems');
    expect(problems).toHaveTextContent('2027-01-02 软件岗: 1 of 2 on site');
    expect(problems).toHaveTextContent('2027-01-02: a shift has no engineer');
    expect(screen.getByTestId('cell-2027-01-02-phone')).toHaveTextContent(
      'Vacant',
    );
    const add = await screen.findByTestId('add-2027-01-02-software');
    // Only the reported gap offers a new shift: the desk is covered.
    expect(screen.queryByTestId('add-2027-01-02-desk')).not.toBeInTheDocument();

    await userEvent.click(add);
    await userEvent.selectOptions(
      await screen.findByTestId('assign-engineer'),
      'user:default/zhangwei',
    );
    await userEvent.click(screen.getByTestId('assign-save'));
    await waitFor(() =>
      expect(addShift).toHaveBeenCalledWith(MONTH, {
        date: '2027-01-02',
        kind: 'on-site',
        post: 'software',
        engineer: 'user:default/zhangwei',
      }),
    );
    await waitFor(() => expect(getRoster).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByTestId('problem-coverage')).not.toBeInTheDocument(),
    );
  });

  it('names a substitute for a vacant shift with the version it was read at, and shows a refusal', async () => {
    const updateShift = jest.fn(async () => {
      throw new Error('rest: zhangwei has no rest after phone duty');
    });
    await renderRoster(true, { getRoster: async () => roster, updateShift });
    // The gap's button shows once the manage permission's answer is in.
    await screen.findByTestId('add-2027-01-02-software');
    // The night's gap is its vacant shift: named, not doubled by another.
    expect(
      screen.queryByTestId('add-2027-01-02-phone'),
    ).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('shift-s4'));
    await userEvent.selectOptions(
      await screen.findByTestId('assign-engineer'),
      'user:default/lina',
    );
    await userEvent.click(screen.getByTestId('assign-save'));
    expect(updateShift).toHaveBeenCalledWith('s4', {
      engineer: 'user:default/lina',
      expectedVersion: 1,
    });
    expect(await screen.findByTestId('assign-error')).toHaveTextContent(
      'rest: zhangwei has no rest after phone duty',
    );
  });

  it('offers generation of a month without a roster and publishes a draft', async () => {
    const { ResponseError } = await import('@backstage/errors');
    const missing = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'There is no roster for 2027-01',
          },
        }),
        {
          status: 404,
          statusText: 'Not Found',
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    const getRoster = jest
      .fn()
      .mockRejectedValueOnce(missing)
      .mockResolvedValue({ ...roster, problems: [] });
    const generateRoster = jest.fn(async () => roster);
    const publishRoster = jest.fn(async () => roster);
    await renderRoster(true, { getRoster, generateRoster, publishRoster });
    expect(await screen.findByTestId('roster-missing')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('roster-generate'));
    expect(generateRoster).toHaveBeenCalledWith(MONTH, { replace: false });
    expect(await screen.findByTestId('roster-problems')).toHaveTextContent(
      'Every rule holds',
    );
    await userEvent.click(screen.getByTestId('roster-publish'));
    expect(publishRoster).toHaveBeenCalledWith(MONTH, { expectedVersion: 3 });
  });
});
