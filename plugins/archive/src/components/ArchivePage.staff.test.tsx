import { screen } from '@testing-library/react';
import { renderInArchiveApp } from '../__testUtils__/render';
import { ArchivePage } from './ArchivePage';

// Its own file: usePermission keeps its answers for the whole test file.
describe('the archive page for court staff', () => {
  it('offers no registration once the permission answer arrived', async () => {
    const { permissions } = await renderInArchiveApp(<ArchivePage />, {
      staff: true,
      initialRouteEntries: ['/archive'],
    });
    await permissions.answered('archive.document.create');
    expect(await screen.findAllByTestId('archive-row')).toHaveLength(1);
    expect(screen.queryByTestId('archive-register')).toBeNull();
  });
});
