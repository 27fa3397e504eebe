import { mockServices } from '@backstage/backend-test-utils';
import { EnteredSchedules } from '@internal/plugin-calendar-common';
import {
  defaultSlaConfig,
  UncoveredYearError,
} from '@internal/plugin-sla-common';
import { LiveSlaEngine } from './LiveSlaEngine';
import { HttpOfficialCalendar } from './OfficialCalendarService';

const y2027 = {
  year: 2027,
  holidays: ['2027-01-01..2027-01-03'],
  makeUpWorkingDays: [],
};

/** A calendar backend that counts its requests and can be down. */
function fakeBackend() {
  const state = {
    entered: { revision: 0, schedules: [] } as EnteredSchedules,
    down: false,
    revisionCalls: 0,
    schedulesCalls: 0,
  };
  const api = {
    getRevision: async () => {
      state.revisionCalls++;
      if (state.down) throw new Error('ECONNREFUSED');
      return { revision: state.entered.revision };
    },
    getEnteredSchedules: async () => {
      state.schedulesCalls++;
      return state.entered;
    },
  };
  return { state, api };
}

describe('HttpOfficialCalendar', () => {
  it('re-checks the revision after the TTL and fetches the years only when it changed', async () => {
    const { state, api } = fakeBackend();
    let ms = 0;
    const calendar = new HttpOfficialCalendar({
      api,
      logger: mockServices.logger.mock(),
      ttlMs: 30_000,
      elapsed: () => ms,
    });
    await Promise.all([
      calendar.enteredSchedules(),
      calendar.enteredSchedules(),
    ]);
    expect(state).toMatchObject({ revisionCalls: 1, schedulesCalls: 1 });

    state.entered = { revision: 1, schedules: [y2027] };
    ms = 29_999;
    expect((await calendar.enteredSchedules()).schedules).toEqual([]);
    ms = 30_000;
    expect((await calendar.enteredSchedules()).schedules).toEqual([y2027]);
    expect(state).toMatchObject({ revisionCalls: 2, schedulesCalls: 2 });

    ms = 60_000;
    await calendar.enteredSchedules();
    expect(state).toMatchObject({ revisionCalls: 3, schedulesCalls: 2 });
  });

  it('keeps the last years known while the backend is down, and says so', async () => {
    const { state, api } = fakeBackend();
    state.entered = { revision: 1, schedules: [y2027] };
    let ms = 0;
    const logger = mockServices.logger.mock();
    const calendar = new HttpOfficialCalendar({
      api,
      logger,
      ttlMs: 10,
      elapsed: () => ms,
    });
    await calendar.enteredSchedules();
    state.down = true;
    ms = 100;
    expect(await calendar.enteredSchedules()).toEqual(state.entered);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('official calendar not reachable'),
    );
  });
});

describe('LiveSlaEngine', () => {
  it('answers 2027 once the year is entered, without a new engine built by hand', async () => {
    const { state, api } = fakeBackend();
    let ms = 0;
    const live = new LiveSlaEngine(
      defaultSlaConfig,
      new HttpOfficialCalendar({
        api,
        logger: mockServices.logger.mock(),
        ttlMs: 1000,
        elapsed: () => ms,
      }),
    );
    const workingDays = () => live.current.calendars.get('working-days');
    await live.refresh();
    expect(() =>
      workingDays().businessDurationBetween(
        '2027-01-04T00:00:00+08:00',
        '2027-01-05T00:00:00+08:00',
      ),
    ).toThrow(UncoveredYearError);
    const before = live.current;
    await live.refresh();
    expect(live.current).toBe(before);

    state.entered = { revision: 1, schedules: [y2027] };
    ms = 1000;
    await live.refresh();
    expect(live.current).not.toBe(before);
    // 1 January 2027 is New Year's Day; Monday 4 January a working day of 8 hours.
    expect(
      workingDays().businessDurationBetween(
        '2027-01-01T00:00:00+08:00',
        '2027-01-02T00:00:00+08:00',
      ),
    ).toBe(0);
    expect(
      workingDays().businessDurationBetween(
        '2027-01-04T00:00:00+08:00',
        '2027-01-05T00:00:00+08:00',
      ),
    ).toBeGreaterThan(0);
  });
});
