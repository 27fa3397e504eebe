import { kbApiRef } from '@internal/plugin-court-react';
import { KbClient } from '@internal/plugin-kb-common';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { kbArticleRouteRef } from '../../routes';
import { ArticleSuggestions } from './ArticleSuggestions';

/** The kb backend's answer to /suggestions, recorded with the URL asked. */
function kbBackend() {
  const asked: URL[] = [];
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    asked.push(new URL(String(input)));
    return new Response(
      JSON.stringify([
        {
          id: 'KB-00004',
          kind: 'how-to',
          title: '打印机卡纸怎么办',
          snippet: '打开前盖，取出卡住的纸张',
        },
      ]),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    );
  });
  return {
    asked,
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

describe('knowledge suggestions while filing', () => {
  it('asks with the ticket’s words and entities and links what it finds', async () => {
    const kb = kbBackend();
    await renderInTestApp(
      <ArticleSuggestions
        text={'院办公室打印机卡纸\n纸卡在里面'}
        entityRefs={['resource:default/printer-01']}
      />,
      {
        apis: kb.apis,
        // The kb plugin's article page, as the app binds it.
        mountedRoutes: { '/kb/articles/:articleId': kbArticleRouteRef },
      },
    );
    const link = await screen.findByRole('link', { name: '打印机卡纸怎么办' });
    expect(link).toHaveAttribute('href', '/kb/articles/KB-00004');
    expect(kb.asked[0].pathname).toBe('/api/kb/suggestions');
    expect(kb.asked[0].searchParams.get('text')).toBe(
      '院办公室打印机卡纸\n纸卡在里面',
    );
    expect(kb.asked[0].searchParams.getAll('entity')).toEqual([
      'resource:default/printer-01',
    ]);
  });

  it('asks nothing for an empty form', async () => {
    const kb = kbBackend();
    await renderInTestApp(<ArticleSuggestions text=" " entityRefs={[]} />, {
      apis: kb.apis,
    });
    await new Promise(resolve => setTimeout(resolve, 600));
    await waitFor(() => expect(kb.asked).toEqual([]));
    expect(screen.queryByTestId('article-suggestions')).toBeNull();
  });
});
