import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { kbApiRef } from './api';
import kbPlugin from './index';
import { makeArticle, mockKbApi } from './__testUtils__/fixtures';

jest.setTimeout(20_000);

function renderAt(path: string) {
  const api = mockKbApi();
  api.getArticle.mockResolvedValue(
    makeArticle({ id: 'KB-00042', title: '核心交换机故障处置' }),
  );
  renderTestApp({
    features: [kbPlugin],
    initialRouteEntries: [path],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [kbApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, mockApis.permission()],
    ],
  });
  return api;
}

// The first render loads the page's lazy chunk, which is slow on a busy machine.
const LAZY_PAGE = { timeout: 10_000 };

describe('the kb plugin', () => {
  it('serves the knowledge home at /kb', async () => {
    renderAt('/kb');
    expect(
      await screen.findByTestId('kb-search', {}, LAZY_PAGE),
    ).toBeInTheDocument();
  });

  it('serves the editor at /kb/new', async () => {
    const api = renderAt('/kb/new');
    expect(
      await screen.findByTestId('article-editor', {}, LAZY_PAGE),
    ).toBeInTheDocument();
    expect(api.getArticle).not.toHaveBeenCalled();
  });

  it('serves an article by its id', async () => {
    const api = renderAt('/kb/articles/KB-00042');
    expect(
      await screen.findByTestId('article-title', {}, LAZY_PAGE),
    ).toHaveTextContent('核心交换机故障处置');
    expect(api.getArticle).toHaveBeenCalledWith('KB-00042');
  });

  it('serves the editor of an article', async () => {
    renderAt('/kb/articles/KB-00042/edit');
    expect(
      await screen.findByTestId('article-editor', {}, LAZY_PAGE),
    ).toBeInTheDocument();
    expect(screen.getByTestId('editor-title')).toHaveValue(
      '核心交换机故障处置',
    );
  });
});
