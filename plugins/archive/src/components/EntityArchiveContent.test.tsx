import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { makeDocument } from '../__testUtils__/fixtures';
import { renderInArchiveApp } from '../__testUtils__/render';
import { EntityArchiveContent } from './EntityArchiveContent';

const entity = (kind: string, name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('the Archive tab', () => {
  it('on a system, lists the documents of the system and its devices', async () => {
    const { api } = await renderInArchiveApp(
      <EntityProvider entity={entity('System', 'machine-rooms')}>
        <EntityArchiveContent />
      </EntityProvider>,
      {
        prepare: fake =>
          fake.listDocuments.mockResolvedValue({
            items: [
              makeDocument(),
              makeDocument({
                id: 'doc-2',
                number: 'BG-2026-0003',
                documentClass: 'service-report',
                confidentiality: 'restricted',
              }),
            ],
          }),
      },
    );
    expect(await screen.findAllByTestId('archive-row')).toHaveLength(2);
    expect(screen.getAllByTestId('archive-row')[1]).toHaveTextContent(
      'Restricted',
    );
    expect(api.listDocuments).toHaveBeenCalledWith({
      system: 'system:default/machine-rooms',
      limit: 200,
    });
  });

  it('on a device, lists its own documents', async () => {
    const { api } = await renderInArchiveApp(
      <EntityProvider entity={entity('Resource', 'ups-01')}>
        <EntityArchiveContent />
      </EntityProvider>,
      { prepare: fake => fake.listDocuments.mockResolvedValue({ items: [] }) },
    );
    expect(await screen.findByTestId('entity-archive-empty')).toHaveTextContent(
      'No archived documents about this.',
    );
    expect(api.listDocuments).toHaveBeenCalledWith({
      entity: 'resource:default/ups-01',
      limit: 200,
    });
  });
});
