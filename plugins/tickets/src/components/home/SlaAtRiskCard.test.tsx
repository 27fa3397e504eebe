import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { ListTicketsQuery } from '@internal/plugin-tickets-common';
import { screen, within } from '@testing-library/react';
import { ticketsApiRef } from '../../api';
import {
  clocksOf,
  makeTicket,
  mockTicketsApi,
  runningClock,
} from '../../__testUtils__/fixtures';
import { renderInDeskApp } from '../../__testUtils__/render';
import { SlaAtRiskCard } from './SlaAtRiskCard';

describe('SlaAtRiskCard', () => {
  it('lists breached then at-risk open tickets once each, counting down', async () => {
    const breached = makeTicket({
      number: 'INC-2026-00601',
      clocks: clocksOf(runningClock('response', 120)),
    });
    const both = makeTicket({
      number: 'INC-2026-00602',
      clocks: clocksOf(runningClock('response', 110)),
    });
    const atRisk = makeTicket({
      number: 'INC-2026-00603',
      clocks: clocksOf(runningClock('response', 80)),
    });
    const api = mockTicketsApi();
    api.listTickets.mockImplementation(async (query?: ListTicketsQuery) => ({
      items: query?.breached ? [breached, both] : [both, atRisk],
    }));
    await renderInDeskApp(<SlaAtRiskCard />, {
      apis: [
        [ticketsApiRef, api],
        [catalogApiRef, catalogApiMock()],
      ],
    });

    const card = await screen.findByTestId('sla-at-risk-card');
    await within(card).findByTestId('ticket-row-INC-2026-00603');
    const rows = within(card)
      .getAllByTestId(/^ticket-row-/)
      .map(row => row.getAttribute('data-testid'));
    expect(rows).toEqual([
      'ticket-row-INC-2026-00601',
      'ticket-row-INC-2026-00602',
      'ticket-row-INC-2026-00603',
    ]);
    expect(api.listTickets).toHaveBeenCalledWith(
      expect.objectContaining({ open: 'true', breached: 'true' }),
    );
    expect(api.listTickets).toHaveBeenCalledWith(
      expect.objectContaining({ open: 'true', atRisk: 'true' }),
    );
    expect(
      within(screen.getByTestId('ticket-row-INC-2026-00603')).getByTestId(
        'countdown-response',
      ),
    ).toHaveAttribute('data-band', 'danger');
    expect(
      within(card).getByRole('link', { name: 'Open the service desk' }),
    ).toHaveAttribute('href', '/tickets?view=at-risk');
  });
});
