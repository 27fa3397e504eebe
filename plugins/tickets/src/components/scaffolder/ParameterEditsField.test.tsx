import type { Entity } from '@backstage/catalog-model';
import {
  translationApiRef,
  type ApiHolder,
} from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { mockTicketsApi } from '../../__testUtils__/fixtures';
import { renderInDeskApp } from '../../__testUtils__/render';
import { ParameterEditsField } from './ParameterEditsField';
import {
  validateParameterEdits,
  type ParameterEditsValue,
} from './parameterEdits';

jest.setTimeout(20_000);

const AC = 'resource:default/precision-ac-01';
const SWITCH = 'resource:default/core-switch-01';

const resource = (
  name: string,
  title: string,
  keyParameters?: Record<string, string | number>[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'precision-ac', owner: 'hardware-post', keyParameters },
});

const entities = [
  resource('precision-ac-01', '精密空调 1号', [
    {
      name: 'high-temperature-alarm',
      value: '28',
      description: '高温告警阈值',
      type: 'number',
      unit: '℃',
      min: 18,
      max: 35,
    },
  ]),
  resource('core-switch-01', '核心交换机 1号', [
    { name: 'vrrp-priority', value: '120', type: 'integer', min: 1, max: 254 },
  ]),
  // No key parameters: nothing to change, so not offered.
  resource('spare-cable-box', '备用线缆箱'),
];

async function renderField() {
  const api = mockTicketsApi();
  // The register moved the threshold on from the catalog's 28 ℃ to 27 ℃.
  api.getParameterRegister.mockImplementation(async device => ({
    device,
    history:
      device === AC
        ? [
            {
              device: AC,
              parameter: 'high-temperature-alarm',
              oldValue: '28',
              newValue: '27',
              changeNumber: 'CHG-2026-00003',
              appliedBy: 'user:default/wangqiang',
              appliedAt: '2026-11-02T02:00:00.000Z',
            },
          ]
        : [],
  }));
  const values: ParameterEditsValue[] = [];
  function Form() {
    const [value, setValue] = useState<ParameterEditsValue>({ edits: [] });
    const props = {
      formData: value,
      onChange: (next: ParameterEditsValue) => {
        values.push(next);
        setValue(next);
      },
      schema: { title: '关键参数修改 Parameter edits' },
      idSchema: { $id: 'root_parameterEdits' },
      rawErrors: [],
      required: false,
    } as unknown as FieldExtensionComponentProps<ParameterEditsValue>;
    return <ParameterEditsField {...props} />;
  }
  await renderInDeskApp(<Form />, {
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock({ entities })],
    ],
  });
  await userEvent.click(await screen.findByText('Add a parameter edit'));
  return { api, values };
}

const input = (field: string) =>
  document.querySelector(`#root_parameterEdits_edits_0_${field}`) as HTMLElement;

async function pick(device: string, parameter: string) {
  await waitFor(() =>
    expect(
      input('device').querySelector(`option[value="${device}"]`),
    ).not.toBeNull(),
  );
  await userEvent.selectOptions(input('device'), device);
  await waitFor(() =>
    expect(
      input('parameter').querySelector(`option[value="${parameter}"]`),
    ).not.toBeNull(),
  );
  await userEvent.selectOptions(input('parameter'), parameter);
}

describe('the court device-and-parameter picker', () => {
  it('offers only devices with key parameters, by name', async () => {
    await renderField();
    await waitFor(() =>
      expect(input('device').querySelectorAll('option[value^="resource:"]')).toHaveLength(2),
    );
    expect(input('device')).toHaveTextContent('精密空调 1号');
    expect(input('device')).not.toHaveTextContent('备用线缆箱');
  });

  it('shows the register’s current value with its unit and stores the edit with a readable review', async () => {
    const { api, values } = await renderField();
    await pick(AC, 'high-temperature-alarm');
    expect(api.getParameterRegister).toHaveBeenCalledWith(AC);
    expect(
      await screen.findByText('Current value: 27 ℃'),
    ).toBeInTheDocument();
    await userEvent.type(input('newValue'), '26.5');
    expect(values.at(-1)).toEqual({
      edits: [
        {
          device: AC,
          parameter: 'high-temperature-alarm',
          oldValue: '27',
          newValue: '26.5',
          rule: { type: 'number', unit: '℃', min: 18, max: 35 },
        },
      ],
      review: [
        '精密空调 1号 · high-temperature-alarm（高温告警阈值）: 27 ℃ → 26.5 ℃',
      ],
    });
    // Nothing in the review is a ref.
    expect(values.at(-1)!.review!.join()).not.toContain('resource:');
  });

  it('says while typing what the catalog’s rule refuses, and the form will not move on', async () => {
    const { values } = await renderField();
    await pick(SWITCH, 'vrrp-priority');
    await userEvent.type(input('newValue'), '300');
    expect(
      await screen.findByText('Enter a value from 1 to 254'),
    ).toBeInTheDocument();
    const errors: string[] = [];
    validateParameterEdits(values.at(-1), { addError: m => errors.push(m) });
    expect(errors).toEqual(['edits.0.newValue: value']);

    await userEvent.clear(input('newValue'));
    await userEvent.type(input('newValue'), '120');
    expect(
      await screen.findByText('This is already the current value'),
    ).toBeInTheDocument();
    await userEvent.clear(input('newValue'));
    await userEvent.type(input('newValue'), '110');
    await waitFor(() =>
      expect(
        screen.queryByText('This is already the current value'),
      ).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Current value: 120')).toBeInTheDocument();
    errors.length = 0;
    validateParameterEdits(values.at(-1), { addError: m => errors.push(m) });
    expect(errors).toEqual([]);
  });

  it('removes an edit', async () => {
    const { values } = await renderField();
    await pick(SWITCH, 'vrrp-priority');
    await userEvent.click(screen.getByRole('button', { name: 'Remove this edit' }));
    expect(values.at(-1)).toEqual({ edits: [], review: [] });
    expect(screen.queryByTestId('parameter-edit-0')).not.toBeInTheDocument();
  });
});

describe('validateParameterEdits', () => {
  it('says in the reader’s language which edit and why, for the form’s error list', () => {
    const translation = mockApis.translation();
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === translationApiRef.id ? translation : undefined,
    } as ApiHolder;
    const errors: string[] = [];
    validateParameterEdits(
      {
        edits: [
          { device: SWITCH, parameter: 'vrrp-priority', oldValue: '120', newValue: '120' },
          {
            device: SWITCH,
            parameter: 'vrrp-priority',
            newValue: '300',
            rule: { type: 'integer', min: 1, max: 254 },
          },
        ],
      },
      { addError: m => errors.push(m) },
      { apiHolder },
    );
    expect(errors).toEqual([
      'Parameter edit 1, New value: This is already the current value',
      'Parameter edit 2, New value: Enter a value from 1 to 254',
    ]);
  });

  it('names each incomplete edit by its first missing field', () => {
    const errors: string[] = [];
    validateParameterEdits(
      {
        edits: [
          {},
          { device: SWITCH },
          { device: SWITCH, parameter: 'vrrp-priority', newValue: ' ' },
          { device: SWITCH, parameter: 'vrrp-priority', newValue: '7' },
        ],
      },
      { addError: m => errors.push(m) },
    );
    expect(errors).toEqual([
      'edits.0.device: required',
      'edits.1.parameter: required',
      'edits.2.newValue: required',
    ]);
  });
});
