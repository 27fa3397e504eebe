import { mockApis } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { ticketsApiRef } from './api';
import { EntitySlaContent } from './components/entity/EntitySlaContent';
import { NewTicketForm } from './components/newTicket/NewTicketForm';
import { ServiceDeskPage } from './components/queue/ServiceDeskPage';
import { courtroomSystem } from './__testUtils__/entities';
import { makeTicket, mockTicketsApi } from './__testUtils__/fixtures';
import { renderInDeskApp, settle } from './__testUtils__/render';

// Court staff (干警): they file and follow their own tickets, and see neither the
// desk's queue nor its figures. A file of its own, as usePermission caches per file.
const STAFF_MAY = ['tickets.ticket.create', 'tickets.ticket.read'];

const authorize = jest.fn((request: { permission: { name: string } }) =>
  STAFF_MAY.includes(request.permission.name) ? 'ALLOW' : 'DENY',
);

function renderAsStaff(element: JSX.Element, api = mockTicketsApi()) {
  return renderInDeskApp(element, {
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, mockApis.permission({ authorize })],
    ],
  });
}

/** Waits until the page has its answer for `name`, so "not shown" is not "not loaded yet". */
async function answered(name: string) {
  await waitFor(() =>
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name }),
      }),
    ),
  );
  await settle();
}

describe('what court staff see', () => {
  it('their own tickets and where they stand, instead of the desk queue', async () => {
    const api = mockTicketsApi();
    api.listTickets.mockResolvedValue({
      items: [makeTicket({ number: 'INC-2026-00500', status: 'on-site' })],
    });
    await renderAsStaff(<ServiceDeskPage />, api);

    const view = await screen.findByTestId('requester-view');
    expect(
      await screen.findByTestId('ticket-row-INC-2026-00500'),
    ).toHaveTextContent('On site');
    expect(view).toContainElement(
      screen.getByTestId('ticket-row-INC-2026-00500'),
    );
    expect(screen.queryByTestId('ticket-queue')).not.toBeInTheDocument();
    expect(api.listTickets).toHaveBeenCalledWith({
      reporter: 'me',
      sort: 'updated',
      limit: 25,
    });
    expect(screen.getByTestId('new-ticket-button')).toHaveAttribute(
      'href',
      '/tickets/new',
    );
  });

  it('a form without the desk’s channel and reporter', async () => {
    await renderAsStaff(
      <NewTicketForm
        initialEntityRefs={[]}
        onCreated={jest.fn()}
        onCancel={jest.fn()}
      />,
    );
    await screen.findByTestId('ticket-level-preview');
    await answered('tickets.ticket.work');
    expect(screen.queryByTestId('ticket-channel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ticket-reporter')).not.toBeInTheDocument();
  });

  it('SLA targets without the compliance figures', async () => {
    const api = mockTicketsApi();
    await renderAsStaff(
      <EntityProvider entity={courtroomSystem}>
        <EntitySlaContent />
      </EntityProvider>,
      api,
    );
    await screen.findByTestId('policy-targets');
    await answered('tickets.ticket.read-all');
    expect(
      await screen.findByText(
        'Compliance figures are shown to the service desk.',
      ),
    ).toBeInTheDocument();
    expect(api.getCompliance).not.toHaveBeenCalled();
  });
});
