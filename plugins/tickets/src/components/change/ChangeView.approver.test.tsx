import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { changeDetail, makeChange } from '../../__testUtils__/changes';
import { renderChange, shownActions } from '../../__testUtils__/changeView';
import { typeInto } from '../../__testUtils__/render';

jest.setTimeout(20_000);

describe('the change page for the court IT office', () => {
  it('offers the court IT office approval of a submitted change, and sends its comment', async () => {
    const api = await renderChange(
      changeDetail(makeChange()),
      'court IT office',
    );
    expect(screen.getByTestId('change-status')).toHaveAttribute(
      'data-status',
      'submitted',
    );
    expect(await shownActions()).toEqual([
      'change-action-approve',
      'change-action-reject',
    ]);
    await userEvent.click(screen.getByTestId('change-action-approve'));
    await typeInto(screen.getByTestId('change-field-text'), '同意');
    await userEvent.click(screen.getByTestId('change-action-confirm'));
    await waitFor(() =>
      expect(api.actOnChange).toHaveBeenCalledWith('CHG-2026-00007', {
        action: 'approve',
        version: 1,
        comment: '同意',
        freezeException: false,
      }),
    );
  });

  it('does not offer approval of a change to whoever filed it (four eyes)', async () => {
    await renderChange(
      changeDetail(makeChange({ createdBy: 'user:default/huangjun' })),
      'court IT office',
      'user:default/huangjun',
    );
    await screen.findByTestId('parameter-edits');
    expect(screen.queryByTestId('change-actions')).not.toBeInTheDocument();
  });

  it('asks for a comment before letting a change into a freeze', async () => {
    const api = await renderChange(
      changeDetail(makeChange(), [
        {
          kind: 'freeze',
          freezeId: 'f1',
          title: '重大案件庭审保障',
          window: makeChange().change.window,
          excepted: false,
        },
      ]),
      'court IT office',
    );
    expect(screen.getByTestId('warning-freeze')).toHaveTextContent(
      '重大案件庭审保障',
    );
    await userEvent.click(await screen.findByTestId('change-action-approve'));
    await userEvent.click(screen.getByTestId('change-field-freeze-exception'));
    expect(screen.getByTestId('change-action-confirm')).toBeDisabled();
    await typeInto(screen.getByTestId('change-field-text'), '安全补丁须先行');
    await userEvent.click(screen.getByTestId('change-action-confirm'));
    await waitFor(() =>
      expect(api.actOnChange).toHaveBeenCalledWith(
        'CHG-2026-00007',
        expect.objectContaining({ freezeException: true }),
      ),
    );
  });
});
