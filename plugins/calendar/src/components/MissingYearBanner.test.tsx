import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  CalendarApi,
  CalendarStatus,
} from '@internal/plugin-calendar-common';
import { act, screen } from '@testing-library/react';
import { calendarApiRef } from '../api';
import { MissingYearBanner } from './MissingYearBanner';

const december: CalendarStatus = {
  today: '2026-12-05',
  nextYear: 2027,
  nextYearCovered: false,
  thisYearCovered: true,
  warnFrom: '2026-11-01',
  warning: true,
  missingYear: 2027,
};

/** Renders the banner and waits until its status request has settled. */
async function render(getStatus: CalendarApi['getStatus']) {
  let settled: Promise<unknown> = Promise.resolve();
  const tracked = () => {
    const answer = getStatus();
    settled = answer.catch(() => undefined);
    return answer;
  };
  await renderInTestApp(
    <div data-testid="home">
      <MissingYearBanner />
    </div>,
    { apis: [[calendarApiRef, { getStatus: tracked } as CalendarApi]] },
  );
  await act(() => settled);
}

describe('MissingYearBanner', () => {
  it('warns in December 2026 that 2027 is missing, with a link to the page', async () => {
    await render(async () => december);
    const banner = await screen.findByTestId('missing-year-banner');
    expect(banner).toHaveTextContent(
      'The 2027 official schedule has not been loaded',
    );
    expect(screen.getByText('Enter 2027').closest('a')).toHaveAttribute(
      'href',
      '/calendar',
    );
  });

  it('shows nothing once the year is covered, or to those who may not read the status', async () => {
    await render(async () => ({
      ...december,
      nextYearCovered: true,
      warning: false,
      missingYear: undefined,
    }));
    expect(await screen.findByTestId('home')).toBeEmptyDOMElement();
  });

  it('shows nothing to a role without the warning (403)', async () => {
    await render(async () => {
      throw Object.assign(new Error('forbidden'), {
        response: { status: 403 },
      });
    });
    expect(await screen.findByTestId('home')).toBeEmptyDOMElement();
  });
});
