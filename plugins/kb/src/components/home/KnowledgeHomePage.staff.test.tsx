import { screen } from '@testing-library/react';
import { renderHome } from '../../__testUtils__/renderHome';

jest.setTimeout(20_000);

// Its own file: usePermission keeps its answers for the whole test file.
describe('the knowledge home for court staff', () => {
  it('offers no new article', async () => {
    const { permissions } = await renderHome({ staff: true });
    await permissions.answered('kb.article.create');
    expect(await screen.findByText('UPS 转电池供电')).toBeInTheDocument();
    expect(screen.queryByTestId('kb-new-article')).toBeNull();
  });
});
