import { mockApis } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import { ticketsApiRef } from '../../api';
import {
  courtroomRecorder,
  courtroomSystem,
} from '../../__testUtils__/entities';
import { makeTicket, mockTicketsApi } from '../../__testUtils__/fixtures';
import { renderInDeskApp } from '../../__testUtils__/render';
import { EntitySlaContent } from './EntitySlaContent';
import { EntityTicketsContent } from './EntityTicketsContent';

async function renderOn(
  entity: Entity,
  content: JSX.Element,
  api = mockTicketsApi(),
) {
  await renderInDeskApp(
    <EntityProvider entity={entity}>{content}</EntityProvider>,
    {
      apis: [
        [ticketsApiRef, api],
        [catalogApiRef, catalogApiMock()],
        // The service desk; court staff's SLA tab is in staffViews.test.tsx.
        [permissionApiRef, mockApis.permission()],
      ],
    },
  );
  return api;
}

describe('the Tickets tab', () => {
  it('lists a device’s tickets by the device, and files a new one against it', async () => {
    const api = mockTicketsApi();
    api.listTickets.mockResolvedValue({
      items: [makeTicket({ number: 'INC-2026-00300' })],
    });
    await renderOn(courtroomRecorder, <EntityTicketsContent />, api);

    const tab = await screen.findByTestId('entity-tickets');
    expect(
      await within(tab).findAllByTestId('ticket-row-INC-2026-00300'),
    ).toHaveLength(2);
    const ref = 'resource:default/courtroom-7-recorder';
    expect(api.listTickets).toHaveBeenCalledWith({
      entity: ref,
      open: 'true',
      sort: 'due',
      limit: 25,
    });
    expect(api.listTickets).toHaveBeenCalledWith({
      entity: ref,
      sort: 'updated',
      limit: 10,
    });
    expect(await screen.findByTestId('entity-new-ticket')).toHaveAttribute(
      'href',
      `/tickets/new?entity=${encodeURIComponent(ref)}`,
    );
  });

  it('lists a system’s tickets by the system its devices belong to', async () => {
    const api = await renderOn(courtroomSystem, <EntityTicketsContent />);
    await screen.findByTestId('entity-tickets');
    await waitFor(() =>
      expect(api.listTickets).toHaveBeenCalledWith({
        system: 'system:default/courtroom-trial',
        open: 'true',
        sort: 'due',
        limit: 25,
      }),
    );
  });
});

describe('the SLA tab', () => {
  it('shows the active targets per level, open clocks and this month’s compliance', async () => {
    const api = mockTicketsApi();
    api.listTickets.mockResolvedValue({
      items: [makeTicket({ number: 'INC-2026-00400' })],
    });
    api.getCompliance.mockResolvedValue({
      from: '',
      to: '',
      rows: [
        { clock: 'resolution', level: 'L2', met: 1, breached: 1, running: 0 },
        { clock: 'response', level: 'L2', met: 3, breached: 1, running: 2 },
      ],
    });
    await renderOn(courtroomSystem, <EntitySlaContent />, api);

    const targets = await screen.findByTestId('policy-targets');
    const l2 = within(targets).getAllByRole('row')[2];
    expect(l2).toHaveTextContent('10 min');
    expect(l2).toHaveTextContent('8 h; counted from arrival');
    expect(within(targets).getAllByRole('row')[4]).toHaveTextContent(
      'No clock at this level',
    );

    expect(
      await screen.findByTestId('ticket-row-INC-2026-00400'),
    ).toBeInTheDocument();

    const response = await screen.findByTestId('compliance-response-L2');
    expect(response).toHaveTextContent('75%');
    expect(
      within(screen.getByTestId('compliance')).getAllByRole('row')[1],
    ).toBe(response);
    const query = api.getCompliance.mock.calls[0][0];
    expect(query.system).toBe('system:default/courtroom-trial');
    // The court's month: from the 1st, 00:00 in Beijing, for one month.
    expect(query.from).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000\+08:00$/);
    expect(query.to).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000\+08:00$/);
  });
});
