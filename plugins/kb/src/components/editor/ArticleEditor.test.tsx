import { ResponseError } from '@backstage/errors';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { kbApiRef } from '../../api';
import { makeArticle, mockKbApi } from '../../__testUtils__/fixtures';
import { renderInKbApp } from '../../__testUtils__/render';
import { ArticleEditor } from './ArticleEditor';

jest.setTimeout(20_000);

async function renderEditor(props: Partial<Parameters<typeof ArticleEditor>[0]> = {}) {
  const api = mockKbApi();
  const onSaved = jest.fn();
  await renderInKbApp(
    <ArticleEditor onSaved={onSaved} onCancel={jest.fn()} {...props} />,
    { apis: [[kbApiRef, api], [catalogApiRef, catalogApiMock()]] },
  );
  return { api, onSaved };
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('the article editor', () => {
  it('previews the markdown as it is typed and creates the article', async () => {
    const { api, onSaved } = await renderEditor({
      initialEntityRefs: ['resource:default/printer-01'],
    });
    type('editor-title', '打印机缺纸');
    type('editor-body', '1. 打开纸盒\n2. **放入** A4 纸');
    const preview = screen.getByTestId('editor-preview');
    await waitFor(() => expect(preview.querySelectorAll('ol li')).toHaveLength(2));
    expect(preview.querySelector('strong')).toHaveTextContent('放入');

    type('editor-visibility', 'public');
    type('editor-tags', '打印机, 缺纸');
    fireEvent.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.createArticle).toHaveBeenCalledWith({
      kind: 'how-to',
      title: '打印机缺纸',
      body: '1. 打开纸盒\n2. **放入** A4 纸',
      tags: ['打印机', '缺纸'],
      language: 'zh',
      entityRefs: ['resource:default/printer-01'],
      ticketRefs: [],
      visibility: 'public',
    });
  });

  it('asks a known error for its parts and marks what is missing', async () => {
    const { api } = await renderEditor();
    type('editor-kind', 'known-error');
    type('editor-title', '录像无声音');
    type('editor-symptom', '回放没有声音');
    fireEvent.click(screen.getByTestId('editor-save'));
    expect(await screen.findByTestId('editor-invalid')).toBeInTheDocument();
    expect(api.createArticle).not.toHaveBeenCalled();
  });

  it('saves an edit with the version it opened, and says so when someone saved first', async () => {
    const article = makeArticle({ version: 3 });
    const { api } = await renderEditor({ article });
    api.updateArticle.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({ error: { name: 'ConflictError', message: 'stale' } }),
          { status: 409, statusText: 'Conflict', headers: { 'Content-Type': 'application/json' } },
        ),
      ),
    );
    type('editor-title', '打印机卡纸（更新）');
    fireEvent.click(screen.getByTestId('editor-save'));
    expect(await screen.findByTestId('editor-conflict')).toBeInTheDocument();
    expect(api.updateArticle).toHaveBeenCalledWith(
      'KB-00001',
      expect.objectContaining({ version: 3, title: '打印机卡纸（更新）' }),
    );
  });
});
