import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { changeCreatePermission } from '@internal/plugin-tickets-common';
import { screen, within } from '@testing-library/react';
import { ticketsApiRef } from '../api';
import { makeTicket, mockTicketsApi } from './fixtures';
import { renderInDeskApp } from './render';
import { MyTicketsCard } from '../components/home/MyTicketsCard';

/** Renders MyTicketsCard for someone who works tickets (`worker`) or court staff, once the answer is in. */
export async function renderMyTicketsAs(worker: boolean) {
  const permissions = answeringPermissionApi(request =>
    worker && request.permission.name === changeCreatePermission.name
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  const api = mockTicketsApi();
  api.listTickets.mockResolvedValue({
    items: [makeTicket({ number: 'INC-2026-00701' })],
  });
  await renderInDeskApp(<MyTicketsCard />, {
    apis: [
      [ticketsApiRef, api],
      [permissionApiRef, permissions.api],
      [catalogApiRef, catalogApiMock()],
    ],
  });
  await permissions.answered(changeCreatePermission.name);
  const card = await screen.findByTestId('my-tickets-card');
  await within(card).findByTestId('ticket-row-INC-2026-00701');
  return { api, card };
}

