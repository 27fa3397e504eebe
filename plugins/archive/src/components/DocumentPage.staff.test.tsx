import { screen } from '@testing-library/react';
import { renderDocument } from '../__testUtils__/render';

// Its own file: usePermission keeps its answers for the whole test file.
describe('a document page for court staff', () => {
  it('offers no new version once the permission answer arrived', async () => {
    const { permissions } = await renderDocument({ staff: true });
    await permissions.answered('archive.document.create');
    expect(
      await screen.findByTestId('archive-document-number'),
    ).toHaveTextContent('YW-2026-0001');
    expect(screen.getByTestId('archive-download-1')).toBeInTheDocument();
    expect(screen.queryByTestId('archive-upload')).toBeNull();
  });
});
