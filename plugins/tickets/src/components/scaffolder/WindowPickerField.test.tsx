import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { FreezePeriod } from '@internal/plugin-tickets-common';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { makeChange } from '../../__testUtils__/changes';
import { mockTicketsApi } from '../../__testUtils__/fixtures';
import { renderInDeskApp, typeInto } from '../../__testUtils__/render';
import { WindowPickerField, type WindowPickerValue } from './WindowPickerField';

jest.setTimeout(20_000);

const RECORDER = 'resource:default/courtroom-7-recorder';

// A freeze over the recorder on 8 December 2026, 19:00–23:00 in Shanghai (11:00–15:00 UTC).
const freeze: FreezePeriod = {
  id: 'f1',
  title: '重大案件庭审保障',
  reason: '',
  window: {
    start: '2026-12-08T11:00:00.000Z',
    end: '2026-12-08T15:00:00.000Z',
  },
  entityRefs: [RECORDER],
  createdBy: 'user:default/wuxia',
  createdAt: '2026-12-01T02:00:00.000Z',
};

/** The field as the scaffolder's form holds it: its value in state, the rest of the form as context. */
async function renderPicker(entityRefs: string[]) {
  const api = mockTicketsApi();
  api.listFreezes.mockResolvedValue([freeze]);
  api.listChanges.mockResolvedValue({
    // Approved for 21:00–23:00 the same evening, on the same recorder.
    items: [
      makeChange(
        { entityRefs: [RECORDER], status: 'approved' },
        {
          window: {
            start: '2026-12-08T13:00:00.000Z',
            end: '2026-12-08T15:00:00.000Z',
          },
        },
      ),
    ],
  });
  const values: WindowPickerValue[] = [];
  function Form() {
    const [value, setValue] = useState<WindowPickerValue | undefined>();
    const props = {
      formData: value,
      onChange: (next: WindowPickerValue) => {
        values.push(next);
        setValue(next);
      },
      schema: { title: '计划窗口 Planned window' },
      idSchema: { $id: 'root_window' },
      rawErrors: [],
      required: true,
      formContext: { formData: { entityRefs: { refs: entityRefs } } },
    } as unknown as FieldExtensionComponentProps<WindowPickerValue>;
    return <WindowPickerField {...props} />;
  }
  await renderInDeskApp(<Form />, {
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock()],
    ],
  });
  await typeInto(
    document.querySelector('#root_window_start') as HTMLElement,
    '2026-12-08T20:00',
  );
  await typeInto(
    document.querySelector('#root_window_end') as HTMLElement,
    '2026-12-08T22:00',
  );
  return { api, values };
}

describe('the court window picker', () => {
  it('stores court time with its offset and the window as read for the review', async () => {
    const { values } = await renderPicker([RECORDER]);
    expect(values.at(-1)).toEqual({
      start: '2026-12-08T20:00:00+08:00',
      end: '2026-12-08T22:00:00+08:00',
      local: '2026-12-08 20:00 – 2026-12-08 22:00 (court time)',
    });
    // The inputs show what was entered, not UTC.
    expect(
      (document.querySelector('#root_window_start') as HTMLInputElement).value,
    ).toBe('2026-12-08T20:00');
  });

  it('warns while typing on a freeze and another change over the same device', async () => {
    const { api } = await renderPicker([RECORDER]);
    expect(await screen.findByTestId('warning-freeze')).toHaveTextContent(
      '重大案件庭审保障',
    );
    expect(await screen.findByTestId('warning-overlap')).toHaveTextContent(
      'CHG-2026-00007',
    );
    expect(api.listFreezes).toHaveBeenLastCalledWith({
      after: '2026-12-08T20:00:00+08:00',
    });
  });

  it('does not warn on a freeze over another device', async () => {
    const { api } = await renderPicker(['resource:default/core-switch-01']);
    await screen.findByTestId('window-picker');
    await new Promise(resolve => setTimeout(resolve, 600));
    expect(api.listFreezes).toHaveBeenCalled();
    expect(screen.queryByTestId('warning-freeze')).not.toBeInTheDocument();
    expect(screen.queryByTestId('warning-overlap')).not.toBeInTheDocument();
  });
});
