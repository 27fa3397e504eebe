import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import type {
  AuditApi,
  AuditEvent,
  AuditQuery,
  AuditVerification,
} from '@internal/plugin-audit-common';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { auditApiRef } from '../api';
import { AuditPage, queryOf } from './AuditPage';

function event(seq: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq,
    kind: 'event',
    occurredAt: '2026-03-03T02:00:00.000Z',
    plugin: 'tickets',
    eventId: 'ticket-create',
    severity: 'medium',
    outcome: 'succeeded',
    actor: 'user:default/lina',
    target: `INC-2026-0000${seq}`,
    method: 'POST',
    url: '/api/tickets/tickets',
    ip: '10.8.1.20',
    meta: null,
    error: null,
    ...overrides,
  };
}

function fakeApi(options: { forbidden?: boolean } = {}) {
  const queries: AuditQuery[] = [];
  const exported: AuditQuery[] = [];
  let last: AuditVerification | undefined;
  const api: AuditApi = {
    async listEvents(query = {}) {
      queries.push(query);
      if (options.forbidden) {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: { name: 'NotAllowedError', message: 'no' },
            }),
            {
              status: 403,
              statusText: 'Forbidden',
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      }
      return query.cursor
        ? { items: [event(1)] }
        : {
            items: [event(3), event(2, { outcome: 'failed' })],
            nextCursor: 'c1',
          };
    },
    async exportEvents(query = {}) {
      exported.push(query);
      return new Blob(['xlsx']);
    },
    async lastVerification() {
      return last;
    },
    async verify() {
      last = {
        checkedAt: '2026-03-03T18:30:00.000Z',
        verdict: {
          ok: false,
          rows: 3,
          firstBadSeq: 2,
          reason: 'row 2 was changed after it was written',
        },
      };
      return last;
    },
  };
  return { api, queries, exported };
}

async function renderPage(api: AuditApi, allowed: readonly string[]) {
  const permissions = answeringPermissionApi(request =>
    allowed.includes(request.permission.name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  await renderInTestApp(<AuditPage />, {
    apis: [
      [auditApiRef, api],
      [permissionApiRef, permissions.api],
    ],
  });
  return permissions;
}

const IT_OFFICE = ['audit.event.read', 'audit.chain.verify'];

describe('the audit page', () => {
  beforeAll(() => {
    URL.createObjectURL = jest.fn(() => 'blob:audit');
    URL.revokeObjectURL = jest.fn();
  });

  it('lists the records newest first in Beijing time, and shows more on request', async () => {
    const { api, queries } = fakeApi();
    await renderPage(api, IT_OFFICE);
    const table = await screen.findByTestId('audit-events');
    await within(table).findByText('INC-2026-00003');
    expect(within(table).getAllByText('2026-03-03 10:00:00')).toHaveLength(2);
    expect(within(table).getByText('Failed')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await within(table).findByText('INC-2026-00001');
    expect(queries[queries.length - 1]).toMatchObject({ cursor: 'c1' });
  });

  it('searches by person, entity and Beijing days, and exports what is filtered', async () => {
    const { api, queries, exported } = fakeApi();
    await renderPage(api, IT_OFFICE);
    await screen.findByText('INC-2026-00003');
    await userEvent.type(
      screen.getByLabelText('Person'),
      'user:default/wangqiang',
    );
    await userEvent.type(
      screen.getByLabelText('Entity or record'),
      'INC-2026-00042',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(queries[queries.length - 1]).toMatchObject({
        actor: 'user:default/wangqiang',
        target: 'INC-2026-00042',
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Export to Excel' }),
    );
    await waitFor(() =>
      expect(exported).toEqual([
        expect.objectContaining({ actor: 'user:default/wangqiang' }),
      ]),
    );
  });

  it('shows the answer to a search even when the first list arrives after it', async () => {
    const { api } = fakeApi();
    let firstListArrives!: () => void;
    const firstList = new Promise<void>(resolve => {
      firstListArrives = resolve;
    });
    let calls = 0;
    api.listEvents = async () => {
      calls++;
      if (calls === 1) {
        await firstList;
        return { items: [event(9, { actor: 'user:default/lina' })] };
      }
      return { items: [event(5, { actor: 'user:default/wangqiang' })] };
    };
    await renderPage(api, IT_OFFICE);
    await userEvent.type(
      screen.getByLabelText('Person'),
      'user:default/wangqiang',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const table = await screen.findByTestId('audit-events');
    await within(table).findByText('INC-2026-00005');
    firstListArrives();
    await firstList;
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(within(table).queryByText('INC-2026-00009')).toBeNull();
    expect(within(table).getByText('INC-2026-00005')).toBeInTheDocument();
  });

  it('turns a day range into Beijing midnights, the end day included', () => {
    expect(
      queryOf({
        actor: ' ',
        plugin: '',
        target: '',
        action: '',
        outcome: 'failed',
        from: '2026-02-17',
        to: '2026-02-17',
      }),
    ).toEqual({
      actor: undefined,
      plugin: undefined,
      target: undefined,
      action: undefined,
      outcome: 'failed',
      from: '2026-02-17T00:00:00.000+08:00',
      to: '2026-02-18T00:00:00.000+08:00',
    });
  });

  it('verifies on request and names the first bad record', async () => {
    const { api } = fakeApi();
    await renderPage(api, IT_OFFICE);
    await screen.findByText('The chain has not been verified yet.');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Verify now' }),
    );
    expect(await screen.findByTestId('verify-broken')).toHaveTextContent(
      'failed at record 2: row 2 was changed after it was written',
    );
  });

  it('tells other roles the page is not for them', async () => {
    const { api } = fakeApi({ forbidden: true });
    await renderPage(api, []);
    expect(
      await screen.findByText(/not available for your role/i),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Verify now' })).toBeNull();
  });
});
