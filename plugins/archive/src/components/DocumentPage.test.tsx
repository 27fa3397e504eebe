import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { badRequest, makeDocument, notFound } from '../__testUtils__/fixtures';
import { renderDocument } from '../__testUtils__/render';

describe('a document page', () => {
  it('shows the metadata, links what it relates to, and every version with its hash', async () => {
    const { api } = await renderDocument();
    expect(
      await screen.findByTestId('archive-document-number'),
    ).toHaveTextContent('YW-2026-0001');
    expect(api.getDocument).toHaveBeenCalledWith('doc-1');
    const related = screen.getByTestId('archive-related');
    expect(within(related).getByText('INC-2026-00042')).toHaveAttribute(
      'href',
      '/tickets/INC-2026-00042',
    );
    expect(within(related).getByText('CHG-2026-00007')).toHaveAttribute(
      'href',
      '/tickets/changes/CHG-2026-00007',
    );
    const version = screen.getByTestId('archive-version');
    expect(version).toHaveTextContent('机房巡检规程.pdf');
    expect(version).toHaveTextContent('240.0 KB');
    expect(version).toHaveTextContent('a'.repeat(64));
    // Uploaded 02:01 UTC is 10:01 at the court.
    expect(version).toHaveTextContent('2026-03-02 10:01');
  });

  it('uploads a new version and shows it; a refused file names the file', async () => {
    const { api } = await renderDocument();
    api.uploadVersion.mockRejectedValueOnce(await badRequest('file: is empty'));
    fireEvent.click(await screen.findByTestId('archive-upload'));
    const form = await screen.findByTestId('archive-upload-form');
    const empty = new File([], '修订稿.pdf');
    fireEvent.change(within(form).getByTestId('upload-file'), {
      target: { files: [empty] },
    });
    fireEvent.click(within(form).getByTestId('upload-submit'));
    expect(await within(form).findByText('is empty')).toBeInTheDocument();

    const second = makeDocument().versions[0];
    api.uploadVersion.mockResolvedValueOnce({ ...second, version: 2 });
    api.getDocument.mockResolvedValue(
      makeDocument({
        versions: [
          second,
          { ...second, version: 2, fileName: '修订稿.pdf', note: '第二版' },
        ],
      }),
    );
    const file = new File(['%PDF-1.7'], '修订稿.pdf');
    fireEvent.change(within(form).getByTestId('upload-file'), {
      target: { files: [file] },
    });
    fireEvent.change(within(form).getByTestId('upload-note'), {
      target: { value: '第二版' },
    });
    fireEvent.click(within(form).getByTestId('upload-submit'));
    await waitFor(() =>
      expect(screen.getAllByTestId('archive-version')).toHaveLength(2),
    );
    expect(api.uploadVersion).toHaveBeenLastCalledWith('doc-1', {
      name: '修订稿.pdf',
      content: file,
      note: '第二版',
    });
    // Newest first.
    expect(screen.getAllByTestId('archive-version')[0]).toHaveTextContent(
      '修订稿.pdf',
    );
  });

  it('downloads a version through the API, which carries the user’s token', async () => {
    const { api } = await renderDocument();
    api.downloadVersion.mockResolvedValue(new Blob(['%PDF-1.7']));
    const createObjectURL = jest.fn(() => 'blob:doc-1-v1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    fireEvent.click(await screen.findByTestId('archive-download-1'));
    await waitFor(() =>
      expect(api.downloadVersion).toHaveBeenCalledWith('doc-1', 1),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('says a document it may not read does not exist', async () => {
    const missing = await notFound();
    const { api } = await renderDocument(
      { prepare: fake => fake.getDocument.mockRejectedValue(missing) },
      'doc-x',
    );
    expect(await screen.findByTestId('archive-not-found')).toHaveTextContent(
      'There is no such document, or it is not for you to read.',
    );
    expect(api.getDocument).toHaveBeenCalledWith('doc-x');
    expect(screen.queryByTestId('archive-document')).toBeNull();
  });
});
