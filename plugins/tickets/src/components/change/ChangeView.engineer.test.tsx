import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { changeDetail, makeChange } from '../../__testUtils__/changes';
import {
  permissionAnswered,
  renderChange,
  shownActions,
} from '../../__testUtils__/changeView';

jest.setTimeout(20_000);

describe('the change page for an engineer', () => {
  it('shows an engineer no approval of a submitted change', async () => {
    await renderChange(changeDetail(makeChange()), 'engineer');
    await permissionAnswered('tickets.change.approve');
    await screen.findByTestId('parameter-edits');
    expect(screen.queryByTestId('change-actions')).not.toBeInTheDocument();
  });

  it('lets the engineer schedule or start an approved change', async () => {
    await renderChange(
      changeDetail(makeChange({ status: 'approved' })),
      'engineer',
    );
    expect(await shownActions()).toEqual([
      'change-action-schedule',
      'change-action-start',
    ]);
  });

  it('does not offer the carrying out of a change to whoever approved it (four eyes)', async () => {
    await renderChange(
      changeDetail(
        makeChange(
          { status: 'approved' },
          { decidedBy: 'user:default/huangjun' },
        ),
      ),
      'engineer',
      'user:default/huangjun',
    );
    expect(await shownActions()).toEqual(['change-action-schedule']);
  });

  it('warns that a window outside the approved one goes back for approval', async () => {
    // Approved for 20:00–22:00 in Shanghai (12:00–14:00 UTC).
    await renderChange(
      changeDetail(makeChange({ status: 'approved' })),
      'engineer',
    );
    await userEvent.click(await screen.findByTestId('change-action-schedule'));
    const end = screen.getByTestId('schedule-end');
    await userEvent.clear(end);
    await userEvent.type(end, '2026-12-05T21:00');
    expect(screen.queryByTestId('change-reapproval')).not.toBeInTheDocument();
    await userEvent.clear(end);
    await userEvent.type(end, '2026-12-05T23:00');
    expect(await screen.findByTestId('change-reapproval')).toBeInTheDocument();
  });
});
