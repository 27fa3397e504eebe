import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { TicketDetail } from '@internal/plugin-tickets-common';
import { screen, within } from '@testing-library/react';
import { ticketsApiRef } from '../../api';
import {
  clocksOf,
  makeDetail,
  makeTicket,
  mockSignals,
  mockTicketsApi,
  runningClock,
} from '../../__testUtils__/fixtures';
import { renderInDeskApp, settle } from '../../__testUtils__/render';
import { TicketView } from './TicketView';

jest.setTimeout(20_000);

const WANGQIANG = 'user:default/wangqiang';

const engineer = (mobile?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name: 'wangqiang',
    ...(mobile && { annotations: { 'court-ops.io/mobile': mobile } }),
  },
  spec: { profile: { displayName: '王强' } },
});

/** A night's emergency: 12 of its 30 minutes to arrive on site used. */
function nightTicket(options: { phoneDuty: boolean; assignee?: string }) {
  const ticket = makeTicket({
    assignee: options.assignee ?? WANGQIANG,
    clocks: clocksOf(
      runningClock('response', 50, 5),
      runningClock('arrival', 40, 30),
    ),
  });
  const detail = makeDetail(ticket);
  const [created] = detail.events;
  return {
    ...detail,
    events: [
      {
        ...created,
        assignee: WANGQIANG,
        ...(options.phoneDuty && { phoneDuty: true }),
      },
    ],
  } as TicketDetail;
}

async function renderTicket(detail: TicketDetail, entities: Entity[]) {
  const api = mockTicketsApi();
  api.getTicket.mockResolvedValue(detail);
  await renderInDeskApp(<TicketView ticketRef={detail.ticket.number} />, {
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock({ entities })],
      [signalApiRef, mockSignals().api],
      [
        permissionApiRef,
        answeringPermissionApi(() => AuthorizeResult.ALLOW).api,
      ],
    ],
  });
  await screen.findByTestId('ticket-header');
  await settle();
}

describe('the engineer on call on a ticket', () => {
  it('shows the phone-duty engineer, their mobile from the catalog and the arrival clock', async () => {
    await renderTicket(nightTicket({ phoneDuty: true }), [
      engineer('13800000003'),
    ]);
    const card = await screen.findByTestId('on-call');
    expect(within(card).getByTestId('on-call-engineer')).toHaveTextContent(
      '王强',
    );
    const mobile = await within(card).findByText('Mobile 13800000003');
    expect(mobile.closest('a')).toHaveAttribute('href', 'tel:13800000003');
    const arrival = within(card).getByTestId('on-call-arrival');
    expect(arrival).toHaveTextContent('On site within 30 min');
    // 18 of the 30 minutes are left, due 10:18 Beijing time.
    expect(within(arrival).getByTestId('countdown-arrival')).toHaveTextContent(
      /^(00:)?1[78]:\d\d$/,
    );
    expect(arrival).toHaveTextContent('10:18');
  });

  it('says so when the catalog has no mobile for the engineer', async () => {
    await renderTicket(nightTicket({ phoneDuty: true }), [engineer()]);
    expect(
      await screen.findByText('No mobile number in the catalog.'),
    ).toBeInTheDocument();
  });

  it('is not shown for a ticket routed in on-site hours', async () => {
    await renderTicket(nightTicket({ phoneDuty: false }), [
      engineer('13800000003'),
    ]);
    expect(screen.queryByTestId('on-call')).toBeNull();
  });

  it('is not shown once the ticket is handed to someone else', async () => {
    await renderTicket(
      nightTicket({ phoneDuty: true, assignee: 'user:default/liuyang' }),
      [engineer('13800000003')],
    );
    expect(screen.queryByTestId('on-call')).toBeNull();
  });
});
