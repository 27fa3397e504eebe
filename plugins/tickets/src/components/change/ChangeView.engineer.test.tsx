import { screen } from '@testing-library/react';
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
});
