import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { EntityPicker } from './EntityPicker';
import { optionFor, useEntityOptions } from './useEntityOptions';

jest.setTimeout(20_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'wangqiang' },
    spec: { profile: { displayName: '王强' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'printer-01', title: '打印机 1' },
    spec: { type: 'printer' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'core-switch-01', title: '核心交换机 1' },
    spec: { type: 'switch' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'onsite-team' },
    spec: {},
  },
];

function Picker(props: { kinds: string[]; initial: string[] }) {
  const { options, loading } = useEntityOptions(props.kinds);
  const [value, setValue] = useState(props.initial);
  return (
    <>
      <EntityPicker
        label="Entities"
        error="pick one"
        options={options}
        loading={loading}
        value={value}
        testId="picker"
        onChange={setValue}
      />
      <output data-testid="chosen">{value.join(' ')}</output>
      <output data-testid="offered">
        {options.map(o => `${o.kind}:${o.label}`).join(' | ')}
      </output>
    </>
  );
}

describe('entity options and the picker', () => {
  it('offers the kinds asked for, labelled and sorted by kind then label', async () => {
    await renderInTestApp(
      <Picker kinds={['Resource', 'User']} initial={[]} />,
      {
        apis: [[catalogApiRef, catalogApiMock({ entities })]],
      },
    );
    // Resources before users; within a kind by label (打 before 核 in pinyin order).
    await waitFor(() =>
      expect(screen.getByTestId('offered')).toHaveTextContent(
        'resource:打印机 1 | resource:核心交换机 1 | user:王强',
      ),
    );
    expect(screen.getByText('pick one')).toBeInTheDocument();
  });

  it('shows a value not in the list by its ref, and picks by ref', async () => {
    await renderInTestApp(
      <Picker kinds={['Resource']} initial={['resource:default/gone-01']} />,
      { apis: [[catalogApiRef, catalogApiMock({ entities })]] },
    );
    await waitFor(() =>
      expect(screen.getByTestId('offered')).toHaveTextContent('打印机 1'),
    );
    expect(
      within(
        screen.getByTestId('picker').parentElement!.parentElement!,
      ).getByText('resource:default/gone-01'),
    ).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByTestId('picker'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('打印机 1'));
    expect(screen.getByTestId('chosen')).toHaveTextContent(
      'resource:default/gone-01 resource:default/printer-01',
    );
  });

  it('optionFor finds the listed option and stands in for others', () => {
    const listed = { ref: 'user:default/a', kind: 'user', label: 'A' };
    expect(optionFor('user:default/a', [listed])).toBe(listed);
    expect(optionFor('group:default/b', [listed])).toEqual({
      ref: 'group:default/b',
      kind: 'group',
      label: 'group:default/b',
    });
  });
});
