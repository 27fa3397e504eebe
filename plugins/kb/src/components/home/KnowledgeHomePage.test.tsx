import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderHome } from '../../__testUtils__/renderHome';

jest.setTimeout(20_000);

describe('the knowledge home', () => {
  it('shows recent articles and the count of each kind, then searches what is typed', async () => {
    const { api } = await renderHome();
    expect(await screen.findByText('UPS 转电池供电')).toBeInTheDocument();
    expect(await screen.findByText('Runbooks 5')).toBeInTheDocument();
    expect(screen.getByText('All 10')).toBeInTheDocument();
    expect(api.searchArticles).toHaveBeenCalledWith({ limit: 20 });

    fireEvent.change(screen.getByTestId('kb-search'), { target: { value: '打印机' } });
    fireEvent.click(screen.getByTestId('kb-search-submit'));
    expect(await screen.findByText('1 found')).toBeInTheDocument();
    // The counts follow the search: the one how-to found, not the ten articles.
    expect(screen.getByText('All 1')).toBeInTheDocument();
    expect(screen.getByText('Runbooks 0')).toBeInTheDocument();
    expect(api.searchArticles).toHaveBeenLastCalledWith({ q: '打印机', limit: 20 });
    // The query's words are marked in the snippet.
    const marks = await screen.findAllByText('打印机', { selector: 'mark' });
    expect(marks.length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('kb-kind-runbook'));
    await waitFor(() =>
      expect(api.searchArticles).toHaveBeenLastCalledWith({
        q: '打印机',
        kind: ['runbook'],
        limit: 20,
      }),
    );
    expect(screen.getByTestId('kb-new-article')).toBeInTheDocument();
  });

});
