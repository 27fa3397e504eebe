import { kbApiRef } from '@internal/plugin-court-react';
import { KbClient } from '@internal/plugin-kb-common';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { makeTicket } from '../../__testUtils__/fixtures';
import { typeInto } from '../../__testUtils__/render';
import { KnownErrorAction } from './KnownErrorAction';
import type { Mutate } from './useTicketMutation';

jest.setTimeout(20_000);

function kbBackend() {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(
        JSON.stringify({ created: true, article: { id: 'KB-00012' } }),
        {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        },
      ),
  );
  return {
    fetch,
    // The kb plugin's real client, so the test sees the requests it sends.
    apis: [
      [
        kbApiRef,
        new KbClient({
          discoveryApi: { getBaseUrl: async () => 'http://portal/api/kb' },
          fetchApi: { fetch },
        }),
      ],
    ] as const,
  };
}

const mutate: Mutate = async change => {
  await change();
  return { ok: true };
};

describe('create known error', () => {
  it('makes a problem’s root cause a known error through the knowledge base', async () => {
    const kb = kbBackend();
    const problem = makeTicket({ type: 'problem', number: 'PRB-2026-00003' });
    await renderInTestApp(
      <KnownErrorAction ticket={problem} canWork mutate={mutate} />,
      { apis: kb.apis },
    );
    fireEvent.click(await screen.findByTestId('action-known-error'));
    expect(screen.getByTestId('known-error-create')).toBeDisabled();
    await typeInto(screen.getByTestId('known-error-cause'), '音频线接口松动');
    await typeInto(
      screen.getByTestId('known-error-workaround'),
      '开庭前插紧音频线',
    );
    fireEvent.click(screen.getByTestId('known-error-create'));

    await waitFor(() => expect(kb.fetch).toHaveBeenCalled());
    const [url, init] = kb.fetch.mock.calls[0];
    expect(String(url)).toBe('http://portal/api/kb/known-errors');
    expect(JSON.parse(String(init?.body))).toEqual({
      ticket: 'PRB-2026-00003',
      cause: '音频线接口松动',
      workaround: '开庭前插紧音频线',
    });
  });

  it('is not offered on an incident, nor to those who do not work tickets', async () => {
    const kb = kbBackend();
    await renderInTestApp(
      <>
        <KnownErrorAction
          ticket={makeTicket({ type: 'incident' })}
          canWork
          mutate={mutate}
        />
        <KnownErrorAction
          ticket={makeTicket({ type: 'problem' })}
          canWork={false}
          mutate={mutate}
        />
      </>,
      { apis: kb.apis },
    );
    expect(screen.queryByTestId('action-known-error')).toBeNull();
  });
});
