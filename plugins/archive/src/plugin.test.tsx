import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { archiveApiRef } from './api';
import archivePlugin from './index';
import { makeDocument, mockArchiveApi } from './__testUtils__/fixtures';

function renderAt(path: string) {
  const api = mockArchiveApi();
  api.getDocument.mockImplementation(async id =>
    makeDocument({ id, number: 'XM-2026-0003' }),
  );
  renderTestApp({
    features: [archivePlugin],
    initialRouteEntries: [path],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [archiveApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, mockApis.permission()],
    ],
  });
  return api;
}

// The first render loads the page's lazy chunk, which is slow on a busy machine.
const LAZY_PAGE = { timeout: 10_000 };

describe('the archive plugin', () => {
  it('serves the archive at /archive', async () => {
    const api = renderAt('/archive');
    expect(
      await screen.findByTestId('archive-results', {}, LAZY_PAGE),
    ).toBeInTheDocument();
    expect(api.listDocuments).toHaveBeenCalledWith({ limit: 50 });
  });

  it('serves a document by the id in its address', async () => {
    const api = renderAt('/archive/documents/d-42');
    expect(
      await screen.findByTestId('archive-document-number', {}, LAZY_PAGE),
    ).toHaveTextContent('XM-2026-0003');
    expect(api.getDocument).toHaveBeenCalledWith('d-42');
  });
});
