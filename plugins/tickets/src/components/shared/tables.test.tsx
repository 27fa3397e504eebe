import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, within } from '@testing-library/react';
import { makeChange } from '../../__testUtils__/changes';
import { makeTicket } from '../../__testUtils__/fixtures';
import { renderInDeskApp } from '../../__testUtils__/render';
import { changeRouteRef } from '../../routes';
import { ChangeTable } from '../changes/ChangeTable';
import { TicketTable } from './TicketTable';

const apis = [[catalogApiRef, catalogApiMock()]] as const;

const headers = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('columnheader')
    .map(cell => cell.textContent);
const rowIds = (testId: string) =>
  within(screen.getByTestId(testId))
    .queryAllByTestId(/-row-/)
    .map(row => row.getAttribute('data-testid'));

describe('the family lists on Backstage Table', () => {
  it('shows the chosen ticket columns, one per SLA clock, rows in the order the server gave', async () => {
    // Deliberately out of number order: the server's order (its sort) is kept.
    const tickets = [
      makeTicket({ number: 'INC-2026-00903', title: '法庭 3 无声音' }),
      makeTicket({ number: 'INC-2026-00901', assignee: undefined }),
      makeTicket({
        number: 'INC-2026-00902',
        clocks: undefined,
        slaUnknownUntil: 2028,
      }),
    ];
    await renderInDeskApp(
      <TicketTable
        tickets={tickets}
        columns={['number', 'title', 'assignee', 'clocks']}
        empty="nothing"
        testId="queue"
      />,
      { apis: [...apis] },
    );

    expect(headers('queue')).toEqual([
      'Number',
      'Title',
      'Assignee',
      'Response',
      'On site',
      'Fault removed',
    ]);
    const order = [
      'ticket-row-INC-2026-00903',
      'ticket-row-INC-2026-00901',
      'ticket-row-INC-2026-00902',
    ];
    expect(rowIds('queue')).toEqual(order);
    // The table does not sort what it was given: the server does.
    fireEvent.click(screen.getByText('Number'));
    expect(rowIds('queue')).toEqual(order);

    const first = screen.getByTestId('ticket-row-INC-2026-00903');
    expect(within(first).getAllByRole('cell')).toHaveLength(6);
    expect(
      within(first).getByRole('link', { name: 'INC-2026-00903' }),
    ).toHaveAttribute('href', '/tickets/INC-2026-00903');
    expect(first).toHaveTextContent('法庭 3 无声音');
    expect(within(first).getByTestId('countdown-response')).toBeInTheDocument();
    expect(screen.getByTestId('ticket-row-INC-2026-00901')).toHaveTextContent(
      'Unassigned',
    );
    expect(screen.getByTestId('ticket-row-INC-2026-00902')).toHaveTextContent(
      '2028',
    );
    expect(screen.queryByText('nothing')).not.toBeInTheDocument();
  });

  it('says why a ticket list is empty, across all its columns', async () => {
    await renderInDeskApp(
      <TicketTable
        tickets={[]}
        columns={['number', 'title', 'clocks']}
        empty="No tickets match these filters."
        testId="queue"
      />,
      { apis: [...apis] },
    );
    const message = screen.getByText('No tickets match these filters.');
    expect(message.closest('td')).toHaveAttribute('colspan', '5');
    expect(rowIds('queue')).toEqual([]);
  });

  it('shows changes with their risk, window and implementer, in the order given', async () => {
    const changes = [
      makeChange(
        { id: 'c2', number: 'CHG-2026-00012', title: '核心交换机升级' },
        { emergency: true, riskLevel: 'high' },
      ),
      makeChange({ id: 'c1', number: 'CHG-2026-00011', assignee: undefined }),
    ];
    await renderInDeskApp(
      <ChangeTable
        changes={changes}
        empty="No changes match."
        testId="changes"
      />,
      {
        apis: [...apis],
        mountedRoutes: { '/changes/:changeRef': changeRouteRef },
      },
    );
    expect(headers('changes')).toEqual([
      'Number',
      'Title',
      'Status',
      'Risk',
      'Window',
      'Implementer',
      'Systems and devices',
    ]);
    expect(rowIds('changes')).toEqual([
      'change-row-CHG-2026-00012',
      'change-row-CHG-2026-00011',
    ]);
    const urgent = screen.getByTestId('change-row-CHG-2026-00012');
    expect(within(urgent).getAllByRole('cell')).toHaveLength(7);
    expect(urgent).toHaveTextContent('核心交换机升级');
    expect(urgent).toHaveTextContent('Emergency');
    expect(urgent).toHaveTextContent('High risk');
    expect(within(urgent).getAllByRole('cell')[5]).toHaveTextContent(
      'wangqiang',
    );
    expect(
      within(screen.getByTestId('change-row-CHG-2026-00011')).getAllByRole(
        'cell',
      )[5],
    ).toBeEmptyDOMElement();
    expect(
      within(urgent).getByRole('link', { name: 'CHG-2026-00012' }),
    ).toHaveAttribute('href', '/changes/CHG-2026-00012');
  });

  it('says why a change list is empty', async () => {
    await renderInDeskApp(
      <ChangeTable
        changes={[]}
        empty="Nothing waits for approval."
        testId="changes"
      />,
      {
        apis: [...apis],
        mountedRoutes: { '/changes/:changeRef': changeRouteRef },
      },
    );
    expect(
      screen.getByText('Nothing waits for approval.').closest('td'),
    ).toHaveAttribute('colspan', '7');
  });
});
