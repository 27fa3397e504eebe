import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type {
  CalendarApi,
  EnteredYear,
  SaveYearRequest,
} from '@internal/plugin-calendar-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { calendarApiRef } from '../api';
import { CalendarPage } from './CalendarPage';

const notFound = () =>
  Object.assign(new Error('not found'), { response: { status: 404 } });

/** A calendar backend in memory: 2026 from the package, 2027 not covered. */
function fakeApi() {
  const saves: Array<[number, SaveYearRequest]> = [];
  const api: CalendarApi = {
    listYears: async () => ({
      revision: saves.length,
      years: [
        ...(saves.length
          ? [
              {
                year: 2027,
                source: 'portal' as const,
                latest: {
                  version: 1,
                  savedAt: '2026-12-05T02:00:00.000Z',
                  savedBy: 'user:default/huangjun',
                },
              },
            ]
          : []),
        { year: 2026, source: 'chinese-days' as const },
      ],
    }),
    getYear: async () => {
      throw notFound();
    },
    getBuiltInYear: async () => {
      throw notFound();
    },
    saveYear: async (year, request): Promise<EnteredYear> => {
      saves.push([year, request]);
      const latest = {
        version: 1,
        savedAt: '2026-12-05T02:00:00.000Z',
        savedBy: 'user:default/huangjun',
      };
      return { schedule: request.schedule, latest, history: [latest] };
    },
    getStatus: jest.fn(),
    getEnteredSchedules: jest.fn(),
    getRevision: jest.fn(),
  };
  return { api, saves };
}

const set = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('CalendarPage', () => {
  it('lets the court IT office enter 2027, checked as typed, with a preview', async () => {
    const { api, saves } = fakeApi();
    await renderInTestApp(<CalendarPage />, {
      apis: [
        [calendarApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize: () => 'ALLOW' })],
      ],
    });
    // The year after the last covered one opens first.
    expect(await screen.findByText('Schedule for 2027')).toBeInTheDocument();
    expect(screen.getByTestId('source-2026')).toHaveTextContent(
      'chinese-days data package',
    );
    expect(
      screen.getByText('Not covered yet: enter the notice below.'),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('add-holiday'));
    set('holiday-0-name', '元旦');
    set('holiday-0-start', '2027-01-01');
    set('holiday-0-end', '2027-01-03');
    fireEvent.click(screen.getByTestId('add-makeup'));
    set('makeup-0-date', '2027-01-04');
    expect(await screen.findByTestId('schedule-issues')).toHaveTextContent(
      'makeUpWorkingDays.0.date: 2027-01-04 is a weekday; a make-up working day is a Saturday or Sunday',
    );
    expect(screen.getByTestId('save-schedule')).toBeDisabled();

    set('makeup-0-date', '2027-01-09');
    await waitFor(() =>
      expect(screen.queryByTestId('schedule-issues')).toBeNull(),
    );
    const preview = screen.getByTestId('year-preview');
    expect(preview.querySelector('[data-date="2027-01-01"]')).toHaveAttribute(
      'data-kind',
      'holiday',
    );
    expect(preview.querySelector('[data-date="2027-01-09"]')).toHaveAttribute(
      'data-kind',
      'make-up-working-day',
    );
    expect(preview.querySelector('[data-date="2027-01-10"]')).toHaveAttribute(
      'data-kind',
      'weekend',
    );

    fireEvent.click(screen.getByTestId('save-schedule'));
    expect(await screen.findByTestId('save-message')).toHaveTextContent(
      'Saved as version 1',
    );
    expect(saves).toEqual([
      [
        2027,
        {
          expectedVersion: 0,
          schedule: {
            year: 2027,
            holidays: [
              { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
            ],
            makeUpWorkingDays: [{ date: '2027-01-09' }],
          },
        },
      ],
    ]);
    // Who saved it, by name, and when, in Beijing time (saved at 02:00 UTC).
    expect(
      await screen.findByText(
        'Version 1, saved by huangjun at 2026-12-05 10:00',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('source-2027')).toHaveTextContent(
      'Entered in the portal · v1',
    );
  });
});
