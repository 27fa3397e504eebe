import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { Ticket, TicketDetail } from '@internal/plugin-tickets-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ticketsApiRef } from '../../api';
import {
  clocksOf,
  conflictError,
  makeDetail,
  makeTicket,
  mockSignals,
  mockTicketsApi,
  runningClock,
  stoppedClock,
} from '../../__testUtils__/fixtures';
import { renderInDeskApp, settle, typeInto } from '../../__testUtils__/render';
import { TicketView } from './TicketView';

// Each test starts a whole app with MUI; on a busy CI runner that can outlast jest's 5 s.
jest.setTimeout(20_000);

/** A ticket its reporter may read and comment on, but not work. */
const READ_ONLY_ID = 'read-only-ticket';

let signals: ReturnType<typeof mockSignals>;

/** The spares store page as the pause dialog reads it: one disk type, none on the shelf. */
const sparesFetch = jest.fn(async (url: string) =>
  url === 'http://court.example/api/spares/store?limit=100'
    ? new Response(
        JSON.stringify({
          stock: [
            {
              partType: { id: 'hdd-4tb', name: '4 TB recorder disk' },
              total: 0,
              byLocation: [],
              belowMinimum: true,
            },
          ],
          belowMinimum: [],
          movements: [],
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      )
    : new Response('{}', { status: 404 }),
);
let permissions: ReturnType<typeof answeringPermissionApi>;

async function renderTicket(...details: TicketDetail[]) {
  const api = mockTicketsApi();
  signals = mockSignals();
  permissions = answeringPermissionApi(request =>
    request.permission.name === 'tickets.ticket.work' &&
    'resourceRef' in request &&
    request.resourceRef === READ_ONLY_ID
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW,
  );
  for (const detail of details) api.getTicket.mockResolvedValueOnce(detail);
  // Later reloads keep returning the last version.
  api.getTicket.mockResolvedValue(details[details.length - 1]);
  await renderInDeskApp(<TicketView ticketRef={details[0].ticket.number} />, {
    apis: [
      [ticketsApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [signalApiRef, signals.api],
      [permissionApiRef, permissions.api],
      [
        discoveryApiRef,
        { getBaseUrl: async (id: string) => `http://court.example/api/${id}` },
      ],
      [fetchApiRef, { fetch: sparesFetch }],
    ],
  });
  await screen.findByTestId('ticket-header');
  return api;
}

async function shownActions(): Promise<string[]> {
  const bar = await screen.findByTestId('ticket-actions');
  return within(bar)
    .getAllByRole('button')
    .map(button => button.getAttribute('data-testid') ?? '');
}

describe('TicketView', () => {
  it('shows the header and only the actions the lifecycle allows', async () => {
    const ticket = makeTicket({ status: 'new', number: 'INC-2026-00042' });
    await renderTicket(makeDetail(ticket));

    expect(screen.getByTestId('ticket-number')).toHaveTextContent(
      'INC-2026-00042',
    );
    expect(screen.getByTestId('ticket-status')).toHaveAttribute(
      'data-status',
      'new',
    );
    expect(screen.getByTestId('ticket-level')).toHaveAttribute(
      'data-level',
      'L2',
    );
    expect(await shownActions()).toEqual([
      'action-acknowledge',
      'action-arrive',
      'action-reprioritise',
      'action-assign',
    ]);
  });

  it('names the inspections as the reporter of an incident they filed, without a catalog link', async () => {
    await renderTicket(
      makeDetail(
        makeTicket({
          reporter: 'plugin:inspections',
          createdBy: 'plugin:inspections',
        }),
      ),
    );
    const reporter = await screen.findByTestId('actor-plugin');
    expect(reporter).toHaveTextContent('Inspections (a failed check)');
    expect(reporter.closest('a')).toBeNull();
  });

  it('shows that the clocks wait for a year whose official schedule is missing', async () => {
    await renderTicket(
      makeDetail(makeTicket({ clocks: undefined, slaUnknownUntil: 2027 })),
    );
    expect(await screen.findByTestId('clocks-none')).toHaveTextContent(
      'The clocks count working days into 2027',
    );
  });

  it('offers a resolved ticket its call-back, and no check-in to a problem', async () => {
    await renderTicket(makeDetail(makeTicket({ status: 'resolved' })));
    expect(await shownActions()).toEqual([
      'action-assign',
      'action-call-back',
      'action-reopen',
      'action-close',
    ]);
  });

  it('offers no arrival for a ticket type that is not worked on site', async () => {
    await renderTicket(
      makeDetail(makeTicket({ type: 'problem', status: 'acknowledged' })),
    );
    const actions = await shownActions();
    expect(actions).toContain('action-start-work');
    expect(actions).not.toContain('action-arrive');
  });

  it('offers no actions to someone who may not work the ticket', async () => {
    await renderTicket(
      makeDetail(makeTicket({ id: READ_ONLY_ID, status: 'new' })),
    );
    await permissions.answered('tickets.ticket.work', READ_ONLY_ID);
    await screen.findByTestId('comment-body');
    expect(screen.queryByTestId('ticket-actions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('worklog-submit')).not.toBeInTheDocument();
  });

  it('shows court staff the hours of the work log, not the internal notes, and why the desk edited the ticket', async () => {
    const ticket = makeTicket({ id: READ_ONLY_ID, status: 'acknowledged' });
    const detail = makeDetail(ticket);
    await renderTicket({
      ...detail,
      // As the API answers court staff: no note on the log or in the history.
      workLogs: [
        {
          id: 'w1',
          engineer: 'user:default/wangqiang',
          minutes: 45,
          workDate: '2026-12-04',
          loggedBy: 'user:default/wangqiang',
          loggedAt: ticket.createdAt,
        },
      ],
      events: [
        ...detail.events,
        {
          seq: 2,
          type: 'edited',
          at: ticket.createdAt,
          actor: 'user:default/lina',
          changes: { title: { from: 'a', to: 'b' } },
          reason: 'Reporter called: the whole system is silent',
        },
      ],
    });
    await screen.findByTestId('comment-body');
    const logs = screen.getByTestId('work-logs');
    expect(logs).toHaveTextContent('45');
    expect(within(logs).queryByText('What was done')).not.toBeInTheDocument();
    expect(screen.getByTestId('worklog-notes-internal')).toBeInTheDocument();
    expect(
      screen.getByText('Reporter called: the whole system is silent'),
    ).toBeInTheDocument();
  });

  it('sends the version it read with a one-click action, then reloads', async () => {
    const ticket = makeTicket({ status: 'new', version: 7 });
    const api = await renderTicket(
      makeDetail(ticket),
      makeDetail({ ...ticket, status: 'acknowledged', version: 8 }),
    );
    api.act.mockResolvedValue({
      ...ticket,
      status: 'acknowledged',
      version: 8,
    });

    await userEvent.click(await screen.findByTestId('action-acknowledge'));

    expect(api.act).toHaveBeenCalledWith(ticket.id, {
      action: 'acknowledge',
      version: 7,
    });
    await waitFor(() =>
      expect(screen.getByTestId('ticket-status')).toHaveAttribute(
        'data-status',
        'acknowledged',
      ),
    );
    expect(api.getTicket).toHaveBeenCalledTimes(2);
  });

  it('asks for a pause reason and note, and sends them with the version', async () => {
    const ticket = makeTicket({ status: 'in-progress', version: 3 });
    const api = await renderTicket(makeDetail(ticket));
    api.act.mockResolvedValue({ ...ticket, status: 'pending', version: 4 });

    await userEvent.click(await screen.findByTestId('action-pause'));
    await userEvent.click(screen.getByTestId('action-confirm'));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(api.act).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('field-reason'), {
      target: { value: 'waiting-part' },
    });
    await typeInto(screen.getByTestId('field-note'), 'Power supply ordered');
    await userEvent.click(screen.getByTestId('action-confirm'));

    await waitFor(() =>
      expect(api.act).toHaveBeenCalledWith(ticket.id, {
        action: 'pause',
        version: 3,
        reason: 'waiting-part',
        note: 'Power supply ordered',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByTestId('action-dialog')).not.toBeInTheDocument(),
    );
  });

  it('names the part a ticket waits for: one from the store, or one not stocked in words', async () => {
    const ticket = makeTicket({ status: 'in-progress', version: 3 });
    const api = await renderTicket(makeDetail(ticket));
    api.act.mockResolvedValue({ ...ticket, status: 'pending', version: 4 });

    await userEvent.click(await screen.findByTestId('action-pause'));
    expect(screen.queryByTestId('field-partTypeId')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('field-reason'), {
      target: { value: 'waiting-part' },
    });
    const part = screen.getByTestId('field-partTypeId');
    await waitFor(() =>
      expect(
        within(part).getByText('4 TB recorder disk — 0 in stock'),
      ).toBeInTheDocument(),
    );
    fireEvent.change(part, { target: { value: 'hdd-4tb' } });
    await typeInto(screen.getByTestId('field-note'), 'Disk ordered');
    await userEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() =>
      expect(api.act).toHaveBeenLastCalledWith(ticket.id, {
        action: 'pause',
        version: 3,
        reason: 'waiting-part',
        note: 'Disk ordered',
        part: { partTypeId: 'hdd-4tb' },
      }),
    );

    // A part the court does not stock needs its words before it is sent.
    api.act.mockClear();
    await userEvent.click(await screen.findByTestId('action-pause'));
    fireEvent.change(screen.getByTestId('field-reason'), {
      target: { value: 'waiting-part' },
    });
    fireEvent.change(screen.getByTestId('field-partTypeId'), {
      target: { value: '-' },
    });
    await typeInto(screen.getByTestId('field-note'), 'Board ordered');
    await userEvent.click(screen.getByTestId('action-confirm'));
    expect(screen.getAllByText('Required.')).toHaveLength(1);
    expect(api.act).not.toHaveBeenCalled();
    await typeInto(screen.getByTestId('field-part'), 'RE-TC8000 main board');
    await userEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() =>
      expect(api.act).toHaveBeenCalledWith(ticket.id, {
        action: 'pause',
        version: 3,
        reason: 'waiting-part',
        note: 'Board ordered',
        part: { text: 'RE-TC8000 main board' },
      }),
    );
  });

  it('shows the part a paused ticket waits for, in its header and its history', async () => {
    const ticket = makeTicket({
      status: 'pending',
      pauseReason: 'waiting-part',
      awaitedPart: { partTypeId: 'hdd-4tb', name: '4 TB recorder disk' },
    });
    await renderTicket({
      ...makeDetail(ticket),
      events: [
        {
          seq: 2,
          type: 'paused',
          at: '2026-03-02T01:05:00.000Z',
          actor: 'user:default/wangqiang',
          reason: 'waiting-part',
          note: 'Disk ordered',
          part: { partTypeId: 'hdd-4tb', name: '4 TB recorder disk' },
        },
        {
          seq: 1,
          type: 'paused',
          at: '2026-03-02T00:55:00.000Z',
          actor: 'user:default/wangqiang',
          reason: 'waiting-part',
          note: 'Board ordered',
          part: { name: 'RE-TC8000 main board' },
        },
      ],
    });
    expect(screen.getByTestId('ticket-awaited-part')).toHaveTextContent(
      '4 TB recorder disk (hdd-4tb)',
    );
    const lines = within(screen.getByTestId('ticket-timeline')).getAllByRole(
      'listitem',
    );
    expect(lines[0]).toHaveTextContent(
      'Paused: Waiting for a spare part — RE-TC8000 main board (not stocked)',
    );
    expect(lines[1]).toHaveTextContent(
      'Paused: Waiting for a spare part — 4 TB recorder disk (hdd-4tb)',
    );
  });

  it('records a call-back with outcome and satisfaction', async () => {
    const ticket = makeTicket({ status: 'resolved', version: 5 });
    const api = await renderTicket(makeDetail(ticket));
    api.act.mockResolvedValue(ticket);

    await userEvent.click(await screen.findByTestId('action-call-back'));
    fireEvent.change(screen.getByTestId('field-outcome'), {
      target: { value: 'satisfied' },
    });
    fireEvent.change(screen.getByTestId('field-satisfaction'), {
      target: { value: '4' },
    });
    await userEvent.click(screen.getByTestId('action-confirm'));

    await waitFor(() =>
      expect(api.act).toHaveBeenCalledWith(ticket.id, {
        action: 'call-back',
        version: 5,
        outcome: 'satisfied',
        satisfaction: 4,
        note: '',
      }),
    );
  });

  it('on a 409 says someone else changed the ticket, reloads, and acts on the new version', async () => {
    const stale = makeTicket({ status: 'new', version: 1 });
    const fresh: Ticket = { ...stale, status: 'acknowledged', version: 2 };
    const api = await renderTicket(makeDetail(stale), makeDetail(fresh));
    api.act.mockRejectedValueOnce(await conflictError());

    await userEvent.click(await screen.findByTestId('action-acknowledge'));

    expect(await screen.findByTestId('ticket-conflict')).toHaveTextContent(
      'Someone else changed this ticket; reloaded.',
    );
    expect(api.getTicket).toHaveBeenCalledTimes(2);
    await waitFor(() =>
      expect(screen.getByTestId('ticket-status')).toHaveAttribute(
        'data-status',
        'acknowledged',
      ),
    );

    api.act.mockResolvedValue({ ...fresh, status: 'in-progress', version: 3 });
    await userEvent.click(screen.getByTestId('action-start-work'));
    expect(api.act).toHaveBeenLastCalledWith(stale.id, {
      action: 'start-work',
      version: 2,
    });
  });

  it('shows each clock with its state, paused time and breach', async () => {
    const response = {
      ...stoppedClock('response', 'breached'),
      targetMs: 600_000,
      dueAt: '2026-03-02T01:15:00.000Z',
      breachedAt: '2026-03-02T01:15:00.000Z',
      stoppedAt: '2026-03-02T01:20:00.000Z',
      remainingMs: -300_000,
      percentConsumed: 150,
    };
    const resolution = {
      ...stoppedClock('resolution', 'paused'),
      targetMs: 8 * 3_600_000,
      elapsedMs: 3_600_000,
      pausedMs: 90 * 60_000,
      remainingMs: 7 * 3_600_000,
      percentConsumed: 12.5,
    };
    const ticket = makeTicket({
      status: 'pending',
      clocks: clocksOf(response, runningClock('arrival', 80), resolution),
    });
    await renderTicket(makeDetail(ticket));

    const responseClock = screen.getByTestId('clock-response');
    expect(responseClock).toHaveAttribute('data-state', 'breached');
    expect(screen.getByTestId('clock-response-breach')).toHaveTextContent(
      'Breached at 2026-03-02 09:15',
    );
    expect(screen.getByTestId('clock-arrival')).toHaveAttribute(
      'data-state',
      'running',
    );
    expect(screen.getByTestId('clock-arrival')).toHaveAttribute(
      'data-band',
      'danger',
    );
    const resolutionClock = screen.getByTestId('clock-resolution');
    expect(resolutionClock).toHaveAttribute('data-state', 'paused');
    expect(resolutionClock).toHaveTextContent('Paused for 1 h 30 min');
    expect(resolutionClock).toHaveTextContent('7:00:00 left');
  });

  it('lists the history in court time with what happened', async () => {
    const ticket = makeTicket({ status: 'pending' });
    const detail: TicketDetail = {
      ...makeDetail(ticket),
      events: [
        {
          seq: 2,
          type: 'paused',
          at: '2026-03-02T01:05:00.000Z',
          actor: 'user:default/wangqiang',
          reason: 'waiting-vendor',
          note: 'Vendor visits tomorrow',
        },
        {
          seq: 1,
          type: 'created',
          at: '2026-03-02T00:50:00.000Z',
          actor: 'user:default/clerk',
          urgency: 'high',
          impact: 'medium',
          title: ticket.title,
        },
      ],
    };
    await renderTicket(detail);

    const lines = within(screen.getByTestId('ticket-timeline')).getAllByRole(
      'listitem',
    );
    expect(lines[0]).toHaveTextContent('2026-03-02 08:50');
    expect(lines[0]).toHaveTextContent('Filed (High urgency, Medium impact)');
    expect(lines[1]).toHaveTextContent('2026-03-02 09:05');
    expect(lines[1]).toHaveTextContent('Paused: Waiting on a vendor');
    expect(lines[1]).toHaveTextContent('Vendor visits tomorrow');
  });

  it('logs work with minutes, date and note', async () => {
    const ticket = makeTicket({ status: 'in-progress' });
    const api = await renderTicket(makeDetail(ticket));
    api.addWorkLog.mockResolvedValue({
      id: 'w1',
      engineer: 'user:default/wangqiang',
      minutes: 45,
      workDate: '2026-03-02',
      note: 'Replaced the cable',
      loggedBy: 'user:default/wangqiang',
      loggedAt: '2026-03-02T03:00:00.000Z',
    });

    await typeInto(screen.getByTestId('worklog-minutes'), '45');
    fireEvent.change(screen.getByTestId('worklog-date'), {
      target: { value: '2026-03-02' },
    });
    await typeInto(screen.getByTestId('worklog-note'), 'Replaced the cable');
    await userEvent.click(screen.getByTestId('worklog-submit'));

    await waitFor(() =>
      expect(api.addWorkLog).toHaveBeenCalledWith(ticket.id, {
        minutes: 45,
        workDate: '2026-03-02',
        note: 'Replaced the cable',
      }),
    );
  });

  it('reloads when the backend signals a newer version of this ticket, and only then', async () => {
    const ticket = makeTicket({ status: 'new', version: 4 });
    const api = await renderTicket(
      makeDetail(ticket),
      makeDetail({ ...ticket, status: 'acknowledged', version: 5 }),
    );

    signals.emit({ ticketId: 'another-ticket', version: 9 });
    signals.emit({ ticketId: ticket.id, version: 4 });
    await settle();
    expect(api.getTicket).toHaveBeenCalledTimes(1);

    signals.emit({ ticketId: ticket.id, version: 5 });
    await waitFor(() =>
      expect(screen.getByTestId('ticket-status')).toHaveAttribute(
        'data-status',
        'acknowledged',
      ),
    );
    expect(api.getTicket).toHaveBeenCalledTimes(2);
  });
});
