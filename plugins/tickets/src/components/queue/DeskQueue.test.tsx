import { mockApis } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { Ticket } from '@internal/plugin-tickets-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ticketsApiRef } from '../../api';
import {
  clocksOf,
  makeTicket,
  mockSignals,
  mockTicketsApi,
  runningClock,
  stoppedClock,
} from '../../__testUtils__/fixtures';
import { renderInDeskApp, typeInto } from '../../__testUtils__/render';
import { ServiceDeskPage } from './ServiceDeskPage';

async function renderDesk(
  tickets: Ticket[],
  options: { nextCursor?: string } = {},
) {
  const api = mockTicketsApi();
  api.listTickets.mockResolvedValue({
    items: tickets,
    nextCursor: options.nextCursor,
  });
  const signals = mockSignals();
  const rendered = await renderInDeskApp(<ServiceDeskPage />, {
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock()],
      // The service desk: reads every ticket. Court staff: staffViews.test.tsx.
      [permissionApiRef, mockApis.permission()],
      [signalApiRef, signals.api],
    ],
    initialRouteEntries: ['/tickets'],
  });
  await screen.findByTestId('ticket-queue');
  return { api, signals, rendered };
}

const lastQuery = (api: ReturnType<typeof mockTicketsApi>) =>
  api.listTickets.mock.calls[api.listTickets.mock.calls.length - 1][0];

describe('the desk queue', () => {
  it('colours each live countdown by the share of its target used', async () => {
    const tickets = [
      makeTicket({
        number: 'INC-2026-00001',
        clocks: clocksOf(runningClock('response', 20)),
      }),
      makeTicket({
        number: 'INC-2026-00002',
        clocks: clocksOf(runningClock('response', 60)),
      }),
      makeTicket({
        number: 'INC-2026-00003',
        clocks: clocksOf(runningClock('response', 80)),
      }),
      makeTicket({
        number: 'INC-2026-00004',
        clocks: clocksOf(runningClock('response', 130)),
      }),
      makeTicket({
        number: 'INC-2026-00005',
        clocks: clocksOf(
          stoppedClock('response', 'met'),
          runningClock('arrival', 55),
        ),
      }),
      makeTicket({
        number: 'PRB-2026-00001',
        type: 'problem',
        clocks: undefined,
      }),
    ];
    await renderDesk(tickets);

    const countdown = (number: string, clock = 'response') =>
      within(screen.getByTestId(`ticket-row-${number}`)).getByTestId(
        `countdown-${clock}`,
      );
    expect(countdown('INC-2026-00001')).toHaveAttribute('data-band', 'ok');
    expect(countdown('INC-2026-00002')).toHaveAttribute('data-band', 'warning');
    expect(countdown('INC-2026-00003')).toHaveAttribute('data-band', 'danger');
    expect(countdown('INC-2026-00004')).toHaveAttribute(
      'data-band',
      'breached',
    );
    expect(countdown('INC-2026-00005')).toHaveAttribute('data-band', 'done');
    expect(countdown('INC-2026-00005', 'arrival')).toHaveAttribute(
      'data-band',
      'warning',
    );

    // 20 % of 10 min used: 8 min left, counting down; 130 %: 3 min over.
    expect(countdown('INC-2026-00001').textContent).toMatch(/^0[78]:[0-5]\d$/);
    expect(countdown('INC-2026-00004').textContent).toMatch(/^−0[23]:[0-5]\d$/);
    expect(countdown('INC-2026-00005')).toHaveTextContent('Met');

    const colour = (number: string) =>
      getComputedStyle(countdown(number)).color;
    expect(
      new Set(
        ['INC-2026-00001', 'INC-2026-00002', 'INC-2026-00003'].map(colour),
      ).size,
    ).toBe(3);
    expect(
      getComputedStyle(countdown('INC-2026-00004')).backgroundColor,
    ).not.toBe('');

    expect(
      within(screen.getByTestId('ticket-row-PRB-2026-00001')).queryByTestId(
        'countdown-response',
      ),
    ).not.toBeInTheDocument();
  });

  it('asks for what still owes work, soonest due first', async () => {
    const { api } = await renderDesk([]);
    expect(api.listTickets).toHaveBeenCalledWith({
      open: 'true',
      sort: 'due',
      limit: 25,
    });
  });

  it('switches to my tickets and to those at risk', async () => {
    const { api } = await renderDesk([]);

    await userEvent.click(screen.getByTestId('queue-view-mine'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        open: 'true',
        sort: 'due',
        assignee: 'me',
        limit: 25,
      }),
    );

    await userEvent.click(screen.getByTestId('queue-view-at-risk'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        open: 'true',
        sort: 'due',
        atRisk: 'true',
        limit: 25,
      }),
    );
  });

  it('searches text once typing pauses, and filters breached tickets', async () => {
    const { api } = await renderDesk([]);

    await typeInto(screen.getByTestId('filter-text'), 'recorder');
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ q: 'recorder' }),
    );
    expect(
      api.listTickets.mock.calls.filter(([query]) => query?.q),
    ).toHaveLength(1);

    await userEvent.click(screen.getByTestId('filter-breached'));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        q: 'recorder',
        breached: 'true',
        open: 'true',
      }),
    );
  });

  it('loads the next page with the cursor and keeps the rows it has', async () => {
    const first = makeTicket({ number: 'INC-2026-00101' });
    const second = makeTicket({ number: 'INC-2026-00102' });
    const { api } = await renderDesk([first], { nextCursor: 'after-101' });
    api.listTickets.mockResolvedValueOnce({ items: [second] });

    await userEvent.click(screen.getByTestId('load-more'));

    await screen.findByTestId('ticket-row-INC-2026-00102');
    expect(screen.getByTestId('ticket-row-INC-2026-00101')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      open: 'true',
      sort: 'due',
      cursor: 'after-101',
      limit: 25,
    });
    expect(screen.queryByTestId('load-more')).not.toBeInTheDocument();
  });

  it('refetches when the backend signals a change', async () => {
    const ticket = makeTicket({ number: 'INC-2026-00201', status: 'new' });
    const { api, signals } = await renderDesk([ticket]);
    api.listTickets.mockResolvedValue({
      items: [{ ...ticket, status: 'acknowledged', version: 2 }],
    });

    signals.emit({ ticketId: ticket.id, version: 2 });

    await waitFor(() =>
      expect(
        within(screen.getByTestId('ticket-row-INC-2026-00201')).getByText(
          'Acknowledged',
        ),
      ).toBeInTheDocument(),
    );
  });
});
