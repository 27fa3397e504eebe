import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { ticketsApiRef } from './api';
import type { Entity } from '@backstage/catalog-model';
import ticketsPlugin from './index';
import { entityTicketsContent } from './plugin';
import { newTicketRouteRef } from './routes';
import { courtroomRecorder } from './__testUtils__/entities';
import {
  makeDetail,
  makeTicket,
  mockTicketsApi,
} from './__testUtils__/fixtures';

function renderAt(path: string) {
  const api = mockTicketsApi();
  api.getTicket.mockResolvedValue(
    makeDetail(makeTicket({ number: 'INC-2026-00042' })),
  );
  renderTestApp({
    features: [ticketsPlugin],
    initialRouteEntries: [path],
    // Tickets link their people and devices to the catalog's entity pages.
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, mockApis.permission()],
    ],
  });
  return api;
}

// The first render loads the page's lazy chunk, which is slow on a busy machine.
const LAZY_PAGE = { timeout: 10_000 };

describe('the tickets plugin', () => {
  it('serves the desk at /tickets', async () => {
    renderAt('/tickets');
    expect(
      await screen.findByTestId('ticket-queue', {}, LAZY_PAGE),
    ).toBeInTheDocument();
  });

  it('serves the form at /tickets/new rather than a ticket called "new"', async () => {
    const api = renderAt('/tickets/new');
    expect(
      await screen.findByTestId('new-ticket-form', {}, LAZY_PAGE),
    ).toBeInTheDocument();
    expect(api.getTicket).not.toHaveBeenCalled();
  });

  it('serves a ticket by its number', async () => {
    const api = renderAt('/tickets/INC-2026-00042');
    expect(
      await screen.findByTestId('ticket-header', {}, LAZY_PAGE),
    ).toHaveTextContent('INC-2026-00042');
    expect(api.getTicket).toHaveBeenCalledWith('INC-2026-00042');
  });
});

describe('the entity tabs', () => {
  function renderEntityPage(entity: Entity) {
    renderTestApp({
      extensions: [createTestEntityPage({ entity }), entityTicketsContent],
      apis: [
        [ticketsApiRef, mockTicketsApi()],
        [catalogApiRef, catalogApiMock()],
        [permissionApiRef, mockApis.permission()],
      ],
      mountedRoutes: { '/tickets/new': newTicketRouteRef },
    });
  }

  it('puts Tickets on a device', async () => {
    renderEntityPage(courtroomRecorder);
    expect(
      await screen.findByTestId('entity-tickets', {}, LAZY_PAGE),
    ).toBeInTheDocument();
  });

  it('leaves people without one', async () => {
    renderEntityPage({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'lina' },
      spec: {},
    });
    // Given the time a device's tab takes to appear, it must not appear at all.
    await expect(
      screen.findByTestId('entity-tickets', undefined, { timeout: 1000 }),
    ).rejects.toThrow();
  });
});
