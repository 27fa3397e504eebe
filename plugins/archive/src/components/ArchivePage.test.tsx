import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ArchiveApi } from '@internal/plugin-archive-common';
import { badRequest, makeDocument } from '../__testUtils__/fixtures';
import { renderInArchiveApp } from '../__testUtils__/render';
import { ArchivePage } from './ArchivePage';

/** The query of the API's latest list call. */
const lastQuery = (api: jest.Mocked<ArchiveApi>) =>
  api.listDocuments.mock.calls[api.listDocuments.mock.calls.length - 1][0];

describe('the archive page', () => {
  it('lists documents with their number, class, confidentiality and latest version', async () => {
    const { api } = await renderInArchiveApp(<ArchivePage />, {
      initialRouteEntries: ['/archive'],
    });
    api.listDocuments.mockResolvedValue({ items: [] });
    const rows = await screen.findAllByTestId('archive-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('YW-2026-0001');
    expect(rows[0]).toHaveTextContent('O&M documents · 操作规程');
    expect(rows[0]).toHaveTextContent('Public in the court');
    expect(rows[0]).toHaveTextContent('v1 · 机房巡检规程.pdf');
    expect(within(rows[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/archive/documents/doc-1',
    );
  });

  it('asks the API with each filter: class, keyword, sub-class, period, system', async () => {
    const { api } = await renderInArchiveApp(<ArchivePage />, {
      initialRouteEntries: ['/archive'],
    });
    await screen.findAllByTestId('archive-row');
    expect(lastQuery(api)).toEqual({ limit: 50 });

    fireEvent.click(screen.getByTestId('archive-class-service-report'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ class: ['service-report'], limit: 50 }),
    );

    fireEvent.change(screen.getByTestId('archive-search'), {
      target: { value: ' 机房 UPS ' },
    });
    fireEvent.change(screen.getByTestId('archive-subclass'), {
      target: { value: '月报' },
    });
    fireEvent.click(screen.getByTestId('archive-search-submit'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        class: ['service-report'],
        q: '机房 UPS',
        subClass: '月报',
        limit: 50,
      }),
    );

    fireEvent.change(screen.getByTestId('archive-from'), {
      target: { value: '2026-01-01' },
    });
    fireEvent.change(screen.getByTestId('archive-to'), {
      target: { value: '2026-03-31' },
    });
    fireEvent.mouseDown(screen.getByTestId('archive-system'));
    fireEvent.click(
      await within(await screen.findByRole('listbox')).findByText('机房'),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        class: ['service-report'],
        q: '机房 UPS',
        subClass: '月报',
        from: '2026-01-01',
        to: '2026-03-31',
        system: 'system:default/machine-rooms',
        limit: 50,
      }),
    );

    fireEvent.click(screen.getByTestId('archive-class-all'));
    await waitFor(() => expect(lastQuery(api)?.class).toBeUndefined());
  });

  it('pages on with the cursor the API gave', async () => {
    const { api } = await renderInArchiveApp(<ArchivePage />, {
      initialRouteEntries: ['/archive?q=UPS'],
    });
    api.listDocuments.mockImplementation(async query =>
      query?.cursor
        ? { items: [makeDocument({ id: 'doc-2', number: 'YW-2026-0002' })] }
        : { items: [makeDocument()], nextCursor: 'c1' },
    );
    // The first render used the default answer; look again with the paged one.
    fireEvent.click(screen.getByTestId('archive-class-om'));
    fireEvent.click(await screen.findByTestId('archive-more'));
    await waitFor(() =>
      expect(screen.getAllByTestId('archive-row')).toHaveLength(2),
    );
    expect(lastQuery(api)).toEqual({
      class: ['om'],
      q: 'UPS',
      limit: 50,
      cursor: 'c1',
    });
    expect(screen.queryByTestId('archive-more')).toBeNull();
  });

  it('registers a document: the 400 names the field beside it, nothing uploaded', async () => {
    const { api } = await renderInArchiveApp(<ArchivePage />, {
      initialRouteEntries: ['/archive?class=other'],
    });
    api.createDocument.mockRejectedValue(
      await badRequest(
        'body.date: is in the future (today is 2026-12-05); body.subClass: is not a sub-class of other (one of 来函, 传真, 外来资料)',
      ),
    );
    fireEvent.click(await screen.findByTestId('archive-register'));
    const form = await screen.findByTestId('archive-register-form');
    expect(within(form).getByTestId('register-class')).toHaveValue('other');

    // Nothing goes to the server without a title and a date.
    fireEvent.click(within(form).getByTestId('register-submit'));
    expect(await within(form).findAllByText('Required')).toHaveLength(2);
    expect(api.createDocument).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('register-title'), {
      target: { value: '关于机房改造的来函' },
    });
    fireEvent.change(within(form).getByTestId('register-date'), {
      target: { value: '2027-01-10' },
    });
    fireEvent.change(within(form).getByTestId('register-subclass'), {
      target: { value: '公函' },
    });
    fireEvent.change(within(form).getByTestId('register-tickets'), {
      target: { value: 'INC-2026-00042，CHG-2026-00007' },
    });
    const file = new File(['%PDF-1.7'], '来函.pdf', {
      type: 'application/pdf',
    });
    fireEvent.change(within(form).getByTestId('register-file'), {
      target: { files: [file] },
    });
    fireEvent.click(within(form).getByTestId('register-submit'));

    expect(
      await within(form).findByText('is in the future (today is 2026-12-05)'),
    ).toBeInTheDocument();
    expect(
      within(form).getByText(
        'is not a sub-class of other (one of 来函, 传真, 外来资料)',
      ),
    ).toBeInTheDocument();
    expect(api.createDocument).toHaveBeenCalledWith({
      title: '关于机房改造的来函',
      documentClass: 'other',
      subClass: '公函',
      date: '2027-01-10',
      source: 'contractor',
      systemRefs: [],
      entityRefs: [],
      ticketNumbers: ['INC-2026-00042', 'CHG-2026-00007'],
      confidentiality: 'public',
      readers: [],
      retentionYears: undefined,
    });
    expect(api.uploadVersion).not.toHaveBeenCalled();
  });

  it('a refused file names the file, and the retry uploads without registering again', async () => {
    const { api } = await renderInArchiveApp(<ArchivePage />, {
      initialRouteEntries: ['/archive'],
    });
    api.createDocument.mockResolvedValue(
      makeDocument({ id: 'doc-9', number: 'YW-2026-0009', versions: [] }),
    );
    api.uploadVersion.mockRejectedValueOnce(
      await badRequest(
        'file: its content is png but its name "规程.pdf" says pdf',
      ),
    );
    fireEvent.click(await screen.findByTestId('archive-register'));
    const form = await screen.findByTestId('archive-register-form');
    fireEvent.change(within(form).getByTestId('register-title'), {
      target: { value: '机房操作规程' },
    });
    fireEvent.change(within(form).getByTestId('register-date'), {
      target: { value: '2026-11-30' },
    });
    fireEvent.change(within(form).getByTestId('register-file'), {
      target: { files: [new File(['png'], '规程.pdf')] },
    });
    fireEvent.click(within(form).getByTestId('register-submit'));
    expect(
      await within(form).findByText(
        'its content is png but its name "规程.pdf" says pdf',
      ),
    ).toBeInTheDocument();
    expect(
      within(form).getByTestId('archive-register-error'),
    ).toHaveTextContent('YW-2026-0009');
    // Registered: only the file is sent again, so the rest is locked.
    expect(within(form).getByTestId('register-title')).toBeDisabled();

    api.uploadVersion.mockResolvedValueOnce(makeDocument().versions[0]);
    const good = new File(['%PDF-1.7'], '规程.pdf');
    fireEvent.change(within(form).getByTestId('register-file'), {
      target: { files: [good] },
    });
    fireEvent.click(within(form).getByTestId('register-submit'));
    await waitFor(() => expect(api.uploadVersion).toHaveBeenCalledTimes(2));
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    expect(api.uploadVersion).toHaveBeenLastCalledWith('doc-9', {
      name: '规程.pdf',
      content: good,
    });
    await waitFor(() =>
      expect(screen.queryByTestId('archive-register-form')).toBeNull(),
    );
  });
});
