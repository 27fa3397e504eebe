import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ticketsApiRef } from '../../api';
import { ticketRouteRef } from '../../routes';
import { makeTicket, mockTicketsApi } from '../../__testUtils__/fixtures';
import { typeInto } from '../../__testUtils__/render';
import { NewTicketForm } from './NewTicketForm';
import { NewTicketPage } from './NewTicketPage';

// Each test starts a whole app with MUI; on a busy CI runner that can outlast jest's 5 s.
jest.setTimeout(20_000);

const RECORDER = 'resource:default/courtroom-7-recorder';

const catalog = () =>
  catalogApiMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'courtroom-7-recorder',
          title: 'Courtroom 7 recorder',
        },
        spec: { type: 'courtroom-recorder' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'courtroom-trial', title: 'Courtroom trial system' },
        spec: {},
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'judge-wu' },
        spec: { profile: { displayName: 'Judge Wu' } },
      },
    ],
  });

// The service desk, which may do everything. Court staff's view is in staffViews.test.tsx:
// usePermission caches answers for the whole test file.
function apis(api: ReturnType<typeof mockTicketsApi>) {
  return [
    [ticketsApiRef, api],
    [catalogApiRef, catalog()],
    [permissionApiRef, mockApis.permission()],
  ] as const;
}

async function renderForm() {
  const api = mockTicketsApi();
  const onCreated = jest.fn();
  await renderInTestApp(
    <NewTicketForm
      initialEntityRefs={[]}
      onCreated={onCreated}
      onCancel={jest.fn()}
    />,
    { apis: apis(api) },
  );
  await screen.findByTestId('ticket-level-preview');
  return { api, onCreated };
}

async function pickEntity(name: string) {
  await typeInto(screen.getByTestId('ticket-entity'), name);
  await userEvent.click(await screen.findByRole('option', { name }));
}

describe('NewTicketForm', () => {
  it('previews L1 and its targets for high urgency and large impact', async () => {
    await renderForm();
    expect(screen.getByTestId('ticket-level-preview')).not.toHaveAttribute(
      'data-level',
    );

    fireEvent.change(screen.getByTestId('ticket-urgency'), {
      target: { value: 'high' },
    });
    fireEvent.change(screen.getByTestId('ticket-impact'), {
      target: { value: 'large' },
    });

    const preview = screen.getByTestId('ticket-level-preview');
    expect(preview).toHaveAttribute('data-level', 'L1');
    expect(preview).toHaveTextContent('L1 (critical)');
    expect(screen.getByTestId('preview-target-response')).toHaveTextContent(
      '5 min',
    );
    expect(screen.getByTestId('preview-target-arrival')).toHaveTextContent(
      '10 min; 30 min when filed outside on-site hours',
    );
    expect(screen.getByTestId('preview-target-resolution')).toHaveTextContent(
      'Measured, no target',
    );

    fireEvent.change(screen.getByTestId('ticket-impact'), {
      target: { value: 'small' },
    });
    expect(screen.getByTestId('ticket-level-preview')).toHaveAttribute(
      'data-level',
      'L3',
    );
    expect(screen.getByTestId('preview-target-resolution')).toHaveTextContent(
      '12 h; counted from arrival',
    );
  });

  it('posts the request the API expects and hands back the created ticket', async () => {
    const { api, onCreated } = await renderForm();
    const created = makeTicket({ number: 'INC-2026-00042' });
    api.createTicket.mockResolvedValue(created);

    await typeInto(
      screen.getByTestId('ticket-title'),
      '  No sound in courtroom 7  ',
    );
    await typeInto(screen.getByTestId('ticket-description'), 'Since 09:00');
    await pickEntity('Courtroom 7 recorder');
    fireEvent.change(screen.getByTestId('ticket-urgency'), {
      target: { value: 'high' },
    });
    fireEvent.change(screen.getByTestId('ticket-impact'), {
      target: { value: 'large' },
    });
    await userEvent.click(screen.getByTestId('ticket-submit'));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(api.createTicket).toHaveBeenCalledTimes(1);
    expect(api.createTicket).toHaveBeenCalledWith({
      type: 'incident',
      title: 'No sound in courtroom 7',
      description: 'Since 09:00',
      channel: 'portal',
      urgency: 'high',
      impact: 'large',
      entityRefs: [RECORDER],
    });
  });

  it('files a phone call for the person who called, with what is requested', async () => {
    const { api } = await renderForm();
    api.createTicket.mockResolvedValue(makeTicket());

    fireEvent.change(screen.getByTestId('ticket-type'), {
      target: { value: 'service-request' },
    });
    fireEvent.change(screen.getByTestId('ticket-category'), {
      target: { value: 'training' },
    });
    fireEvent.change(screen.getByTestId('ticket-channel'), {
      target: { value: 'phone' },
    });
    await typeInto(screen.getByTestId('ticket-title'), 'Train the new clerks');
    await pickEntity('Courtroom trial system');
    await typeInto(screen.getByTestId('ticket-reporter'), 'Judge');
    await userEvent.click(
      await screen.findByRole('option', { name: 'Judge Wu' }),
    );
    fireEvent.change(screen.getByTestId('ticket-urgency'), {
      target: { value: 'low' },
    });
    fireEvent.change(screen.getByTestId('ticket-impact'), {
      target: { value: 'small' },
    });
    await userEvent.click(screen.getByTestId('ticket-submit'));

    await waitFor(() => expect(api.createTicket).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0][0]).toEqual({
      type: 'service-request',
      category: 'training',
      title: 'Train the new clerks',
      description: '',
      channel: 'phone',
      reporter: 'user:default/judge-wu',
      urgency: 'low',
      impact: 'small',
      entityRefs: ['system:default/courtroom-trial'],
    });
  });

  it('names each missing field and sends nothing', async () => {
    const { api } = await renderForm();
    fireEvent.change(screen.getByTestId('ticket-channel'), {
      target: { value: 'phone' },
    });
    await userEvent.click(screen.getByTestId('ticket-submit'));

    expect(
      await screen.findByText('Give a title of up to 200 characters.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Pick at least one system or device.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Choose the urgency.')).toBeInTheDocument();
    expect(screen.getByText('Choose the impact.')).toBeInTheDocument();
    expect(screen.getByText('Pick who reported it.')).toBeInTheDocument();
    expect(api.createTicket).not.toHaveBeenCalled();
  });
});

describe('NewTicketPage', () => {
  it('prefills the entity from the URL and opens the new ticket', async () => {
    const api = mockTicketsApi();
    api.createTicket.mockResolvedValue(
      makeTicket({ number: 'INC-2026-00042' }),
    );
    const rendered = await renderInTestApp(<NewTicketPage />, {
      apis: apis(api),
      mountedRoutes: { '/tickets/:ticketRef': ticketRouteRef },
      initialRouteEntries: [
        `/tickets/new?entity=${encodeURIComponent(
          'Resource:courtroom-7-recorder',
        )}`,
      ],
    });

    expect(
      await screen.findByRole('button', { name: 'Courtroom 7 recorder' }),
    ).toBeInTheDocument();
    await typeInto(screen.getByTestId('ticket-title'), 'No sound');
    fireEvent.change(screen.getByTestId('ticket-urgency'), {
      target: { value: 'medium' },
    });
    fireEvent.change(screen.getByTestId('ticket-impact'), {
      target: { value: 'medium' },
    });
    await userEvent.click(screen.getByTestId('ticket-submit'));

    await waitFor(() =>
      expect(
        rendered.apis.get(coreApis.appHistory)?.getSnapshot().location.pathname,
      ).toBe('/tickets/INC-2026-00042'),
    );
    expect(api.createTicket.mock.calls[0][0].entityRefs).toEqual([RECORDER]);
  });
});
