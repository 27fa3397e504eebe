import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { CourtErrorPanel, isForbidden } from './CourtErrorPanel';
import { PermittedOnly } from './PermittedOnly';

// One permission per case: usePermission caches answers by permission name across renders.
const permissionNamed = (name: string) =>
  createPermission({ name, attributes: { action: 'read' } });

async function responseError(status: number, statusText: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name: 'NotAllowedError', message: '' } }),
      { status, statusText, headers: { 'content-type': 'application/json' } },
    ),
  );
}

describe('CourtErrorPanel', () => {
  it('shows a 403 as "not available for your role", never the raw error', async () => {
    await renderInTestApp(
      <CourtErrorPanel error={await responseError(403, 'Forbidden')} />,
    );
    expect(await screen.findByTestId('not-for-role')).toHaveTextContent(
      'Not available for your role',
    );
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });

  it('shows other failures as they are', async () => {
    await renderInTestApp(
      <CourtErrorPanel
        error={await responseError(500, 'Internal Server Error')}
      />,
    );
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('not-for-role')).not.toBeInTheDocument();
  });

  it('tells a 403 from other errors', async () => {
    expect(isForbidden(await responseError(403, 'Forbidden'))).toBe(true);
    expect(isForbidden(await responseError(404, 'Not Found'))).toBe(false);
    expect(isForbidden(new Error('Request failed with 403 Forbidden'))).toBe(
      false,
    );
    expect(isForbidden(undefined)).toBe(false);
  });
});

describe('PermittedOnly', () => {
  it.each([
    ['shows', AuthorizeResult.ALLOW, true],
    ['hides', AuthorizeResult.DENY, false],
  ] as const)(
    '%s its children when the policy answers %s',
    async (_, answer, shown) => {
      const seen: string[] = [];
      await renderInTestApp(
        <>
          <PermittedOnly permission={permissionNamed(`court.probe.${answer}`)}>
            <span data-testid="entry">巡检</span>
          </PermittedOnly>
          <span data-testid="rendered" />
        </>,
        {
          apis: [
            [
              permissionApiRef,
              mockApis.permission({
                authorize: request => {
                  seen.push(request.permission.name);
                  return answer;
                },
              }),
            ],
          ],
        },
      );
      await screen.findByTestId('rendered');
      // Let the permission answer land before looking.
      await new Promise(r => setTimeout(r, 50));
      expect(screen.queryByTestId('entry') !== null).toBe(shown);
      expect(seen).toEqual([`court.probe.${answer}`]);
    },
  );
});
