import { mockApis } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, within } from '@testing-library/react';
import { kbApiRef } from '../../api';
import { makeArticle, mockKbApi, summaryOf } from '../../__testUtils__/fixtures';
import { renderInKbApp } from '../../__testUtils__/render';
import { EntityKnowledgeContent } from './EntityKnowledgeContent';

const ups = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'ups-01', namespace: 'default' },
  spec: { type: 'ups', system: 'machine-rooms' },
};

describe('the Knowledge tab', () => {
  it('lists a device’s articles runbooks first, then its system’s', async () => {
    const api = mockKbApi();
    api.searchArticles.mockImplementation(async query =>
      query?.entity?.[0] === 'resource:default/ups-01'
        ? {
            items: [
              summaryOf(makeArticle({ id: 'KB-00001', kind: 'faq', title: 'UPS 常见问题' })),
              summaryOf(makeArticle({ id: 'KB-00002', kind: 'runbook', title: 'UPS 转电池供电' })),
            ],
            total: 2,
            kinds: { 'known-error': 0, runbook: 1, 'how-to': 0, faq: 1 },
          }
        : {
            items: [
              summaryOf(makeArticle({ id: 'KB-00002', kind: 'runbook', title: 'UPS 转电池供电' })),
              summaryOf(makeArticle({ id: 'KB-00003', kind: 'runbook', title: '每日备份检查' })),
            ],
            total: 2,
            kinds: { 'known-error': 0, runbook: 2, 'how-to': 0, faq: 0 },
          },
    );
    await renderInKbApp(
      <EntityProvider entity={ups}>
        <EntityKnowledgeContent />
      </EntityProvider>,
      { apis: [[kbApiRef, api], [permissionApiRef, mockApis.permission()]] },
    );
    const here = await screen.findByTestId('entity-articles');
    expect(within(here).getAllByRole('link').map(a => a.textContent)).toEqual([
      'UPS 转电池供电',
      'UPS 常见问题',
    ]);
    const system = await screen.findByTestId('entity-system-articles');
    expect(within(system).getAllByRole('link').map(a => a.textContent)).toEqual(['每日备份检查']);
    expect(api.searchArticles).toHaveBeenCalledWith({ entity: ['system:default/machine-rooms'], limit: 100 });
    expect(screen.getByTestId('entity-new-article')).toHaveAttribute(
      'href',
      '/kb/new?entity=resource%3Adefault%2Fups-01',
    );
  });
});
