import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { renderInDeskApp } from '../../__testUtils__/render';
import {
  EntitiesField,
  type EntitiesOptions,
  type EntitiesValue,
} from './EntitiesField';

jest.setTimeout(20_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'network', title: '网络系统' },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-01', title: '核心交换机 1号' },
    spec: { type: 'core-switch' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'zhaomin' },
    spec: { profile: { displayName: '赵敏' } },
  },
];

async function renderField(
  id: string,
  options: EntitiesOptions,
  initial?: EntitiesValue,
) {
  const values: EntitiesValue[] = [];
  function Form() {
    const [value, setValue] = useState<EntitiesValue | undefined>(initial);
    const props = {
      formData: value,
      onChange: (next: EntitiesValue) => {
        values.push(next);
        setValue(next);
      },
      schema: { title: '涉及的系统和设备 Systems and devices' },
      uiSchema: { 'ui:options': options },
      idSchema: { $id: id },
      rawErrors: [],
    } as unknown as FieldExtensionComponentProps<EntitiesValue, EntitiesOptions>;
    return <EntitiesField {...props} />;
  }
  await renderInDeskApp(<Form />, {
    apis: [[catalogApiRef, catalogApiMock({ entities })]],
  });
  return values;
}

const choose = async (testId: string, label: string) => {
  fireEvent.mouseDown(screen.getByTestId(testId));
  await waitFor(() => expect(screen.getByRole('listbox')).toHaveTextContent(label));
  fireEvent.click(within(screen.getByRole('listbox')).getByText(label));
};

describe('the court entity picker', () => {
  it('stores the refs for the action and their names for the review', async () => {
    // As the form starts it for `minItems: 1`: one empty item.
    const values = await renderField(
      'root_entityRefs',
      { kinds: ['System', 'Resource'] },
      { refs: [undefined as unknown as string] },
    );
    await choose('root_entityRefs', '网络系统');
    await choose('root_entityRefs', '核心交换机 1号');
    expect(values.at(-1)).toEqual({
      refs: ['system:default/network', 'resource:default/core-switch-01'],
      names: '网络系统、核心交换机 1号',
    });
  });

  it('picks one person by display name when not multiple', async () => {
    const values = await renderField('root_implementer', {
      kinds: ['User'],
      multiple: false,
    });
    await choose('root_implementer', '赵敏');
    expect(values.at(-1)).toEqual({
      refs: ['user:default/zhaomin'],
      names: '赵敏',
    });
    // Only the kinds asked for are offered.
    fireEvent.mouseDown(screen.getByTestId('root_implementer'));
    expect(screen.queryByText('网络系统')).not.toBeInTheDocument();
  });
});
