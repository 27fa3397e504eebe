import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { plan, renderAs } from '../../__testUtils__/majorEvents';

describe('major events (重点保障), as the ops manager', () => {
  it('lets the ops manager write the summary after the end, from the plan’s revision', async () => {
    const writeMajorEventSummary = jest.fn(async () => ({
      ...plan,
      summary: { text: '宣判顺利', by: 'user:default/sunlei', at: '' },
    }));
    const listMajorEvents = jest
      .fn()
      .mockResolvedValueOnce([plan])
      .mockResolvedValue([
        {
          ...plan,
          summary: {
            text: '宣判顺利',
            by: 'user:default/sunlei',
            at: '2027-01-05T05:00:00.000Z',
          },
        },
      ]);
    const permissions = await renderAs(true, '2027-01-05T05:00:00.000Z', {
      listMajorEvents,
      writeMajorEventSummary,
    });
    await permissions.answered('duty.major-event.manage');
    await userEvent.click(await screen.findByTestId('event-p1'));
    // The checklist round duty started the day before, linked to its inspections page.
    const dayBefore = await screen.findByTestId('event-round-day-before');
    expect(dayBefore).toHaveTextContent(
      'The working day before, started 2027-01-04 07:30',
    );
    expect(
      screen.getByRole('link', { name: 'open the round' }),
    ).toHaveAttribute(
      'href',
      `/inspections/rounds/${plan.preEventRounds[0].roundId}`,
    );
    expect(screen.queryByTestId('event-round-hour-before')).toBeNull();
    await userEvent.type(
      await screen.findByTestId('event-summary-text'),
      '宣判顺利',
    );
    await userEvent.click(screen.getByTestId('event-summary-save'));
    expect(writeMajorEventSummary).toHaveBeenCalledWith('p1', {
      text: '宣判顺利',
      revision: 3,
    });
    await waitFor(() =>
      expect(screen.getByTestId('event-summary')).toHaveTextContent(
        '宣判顺利 — 孙磊',
      ),
    );
  });

  it('shows what the backend refuses in a new plan, and keeps the form', async () => {
    const createMajorEvent = jest.fn(async () => {
      throw new Error('body.endsAt: must be after startsAt');
    });
    // The answer to duty.major-event.manage is cached from the test before (per file).
    await renderAs(true, '2027-01-01T02:00:00.000Z', {
      listMajorEvents: async () => [],
      createMajorEvent,
    });
    await userEvent.click(await screen.findByTestId('event-new'));
    await userEvent.type(screen.getByTestId('event-title'), '院务会');
    await userEvent.type(
      screen.getByTestId('event-starts'),
      '2027-01-05T09:00',
    );
    await userEvent.type(screen.getByTestId('event-ends'), '2027-01-05T08:00');
    await userEvent.click(screen.getByTestId('event-save'));
    await waitFor(() =>
      expect(screen.getByTestId('event-error')).toHaveTextContent(
        'body.endsAt: must be after startsAt',
      ),
    );
    // The datetime fields are read in the court's zone, whatever the browser's.
    expect(createMajorEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '院务会',
        kind: 'trial',
        startsAt: '2027-01-05T09:00:00.000+08:00',
        endsAt: '2027-01-05T08:00:00.000+08:00',
      }),
    );
    expect(screen.getByTestId('major-event-form')).toBeInTheDocument();
  });
});
