import { createBusinessCalendar } from './business-calendar';
import { defaultCalendars } from './defaults';
import { InvalidCalendarError, WeeklyCalendarDefinition } from './definition';
import { OfficialSchedule, UncoveredYearError } from './official-schedule';

/** Beijing wall-clock time 'YYYY-MM-DDTHH:MM' as a UTC instant. */
const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const HOUR = 3_600_000;
const MINUTE = 60_000;

const named = (id: string) => {
  const definition = defaultCalendars.find(d => d.id === id);
  if (!definition) {
    throw new Error(id);
  }
  return createBusinessCalendar(definition);
};
const workingDays = named('working-days');
const phoneDuty = named('phone-duty');
const onSite = named('on-site-hours');
const always = named('always');

describe('working-days (5×8 on China’s official calendar)', () => {
  it('is open 08:30–12:00 and 13:30–18:00, half-open at each edge', () => {
    expect(workingDays.isOpen(bj('2026-03-02T08:29'))).toBe(false);
    expect(workingDays.isOpen(bj('2026-03-02T08:30'))).toBe(true);
    expect(workingDays.isOpen('2026-03-02T03:59:59.999Z')).toBe(true);
    expect(workingDays.isOpen(bj('2026-03-02T12:00'))).toBe(false);
    expect(workingDays.isOpen(bj('2026-03-02T13:30'))).toBe(true);
    expect(workingDays.isOpen(bj('2026-03-02T18:00'))).toBe(false);
  });

  it('ends a duration that runs out at a window edge on that edge', () => {
    expect(workingDays.addBusinessDuration(bj('2026-03-02T11:00'), HOUR)).toBe(
      bj('2026-03-02T12:00'),
    );
    expect(
      workingDays.addBusinessDuration(bj('2026-03-02T11:00'), HOUR + 1),
    ).toBe('2026-03-02T05:30:00.001Z');
    // From the edge itself, the next window.
    expect(
      workingDays.addBusinessDuration(bj('2026-03-02T12:00'), MINUTE),
    ).toBe(bj('2026-03-02T13:31'));
    // Friday 18:00 is the last instant of the week's open time.
    expect(workingDays.addBusinessDuration(bj('2026-03-06T17:00'), HOUR)).toBe(
      bj('2026-03-06T18:00'),
    );
  });

  it('gives zero for zero and refuses negative durations', () => {
    expect(workingDays.addBusinessDuration(bj('2026-03-07T10:00'), 0)).toBe(
      bj('2026-03-07T10:00'),
    );
    expect(() =>
      workingDays.addBusinessDuration(bj('2026-03-02T10:00'), -1),
    ).toThrow(RangeError);
  });

  it('measures business time, negative when reversed', () => {
    const monday = bj('2026-03-02T08:00');
    const tuesday = bj('2026-03-03T10:00');
    expect(workingDays.businessDurationBetween(monday, tuesday)).toBe(
      9.5 * HOUR,
    );
    expect(workingDays.businessDurationBetween(tuesday, monday)).toBe(
      -9.5 * HOUR,
    );
  });

  it('finds the next opening and closing', () => {
    expect(workingDays.nextOpening(bj('2026-03-02T12:15'))).toBe(
      bj('2026-03-02T13:30'),
    );
    expect(workingDays.nextOpening(bj('2026-03-02T09:00'))).toBe(
      bj('2026-03-02T09:00'),
    );
    expect(workingDays.nextClosing(bj('2026-03-02T09:00'))).toBe(
      bj('2026-03-02T12:00'),
    );
    expect(workingDays.nextClosing(bj('2026-03-02T12:15'))).toBe(
      bj('2026-03-02T12:15'),
    );
    // Friday evening: next opening is Monday.
    expect(workingDays.nextOpening(bj('2026-03-06T18:00'))).toBe(
      bj('2026-03-09T08:30'),
    );
  });

  it('sleeps through the nine-day 2026 Spring Festival and works both make-up Saturdays', () => {
    // Ordinary Saturday closed; the make-up Saturday before the break open.
    expect(workingDays.isOpen(bj('2026-02-07T10:00'))).toBe(false);
    expect(workingDays.isOpen(bj('2026-02-14T10:00'))).toBe(true);
    // Monday 16 February is a holiday, as is Monday 23.
    expect(workingDays.isOpen(bj('2026-02-16T10:00'))).toBe(false);
    expect(workingDays.isOpen(bj('2026-02-23T10:00'))).toBe(false);
    expect(workingDays.isOpen(bj('2026-02-28T10:00'))).toBe(true);
    expect(
      workingDays.businessDurationBetween(
        bj('2026-02-14T18:00'),
        bj('2026-02-24T08:30'),
      ),
    ).toBe(0);
    expect(workingDays.nextOpening(bj('2026-02-14T18:00'))).toBe(
      bj('2026-02-24T08:30'),
    );
    // 12 working hours from Friday 13 February 17:10: 50 min on Friday,
    // 8 h on Saturday 14, 3 h 10 on Tuesday 24.
    expect(
      workingDays.addBusinessDuration(bj('2026-02-13T17:10'), 12 * HOUR),
    ).toBe(bj('2026-02-24T11:40'));
  });

  it('works the make-up Sunday 4 January 2026', () => {
    expect(workingDays.isOpen(bj('2026-01-04T09:00'))).toBe(true);
    expect(workingDays.isOpen(bj('2026-01-02T09:00'))).toBe(false);
    expect(workingDays.isOpen(bj('2026-01-11T09:00'))).toBe(false);
  });

  it('refuses a date in a year without a schedule and says which year', () => {
    expect(() => workingDays.isOpen(bj('2027-01-04T09:00'))).toThrow(
      UncoveredYearError,
    );
    expect(() =>
      workingDays.addBusinessDuration(bj('2026-12-31T17:00'), 2 * HOUR),
    ).toThrow(
      /no official holiday schedule for 2027 \(calendar 'working-days'\)/,
    );
    // Up to the last covered instant it still answers.
    expect(workingDays.addBusinessDuration(bj('2026-12-31T17:00'), HOUR)).toBe(
      bj('2026-12-31T18:00'),
    );
  });

  it('reports its coverage so the portal can warn ahead', () => {
    const coverage = workingDays.coverage();
    expect(coverage.allYears).toBe(false);
    expect(
      workingDays.uncoveredYears(
        bj('2026-06-01T00:00'),
        bj('2028-01-01T00:00'),
      ),
    ).toEqual([2027, 2028]);
    expect(
      workingDays.uncoveredYears(
        bj('2025-01-01T00:00'),
        bj('2026-12-31T23:59'),
      ),
    ).toEqual([]);
    // In Beijing, 31 December 2026 16:30 UTC is already 2027.
    expect(
      workingDays.uncoveredYears(
        '2026-12-31T16:30:00Z',
        '2026-12-31T16:30:00Z',
      ),
    ).toEqual([2027]);
  });

  it('answers for 2027 once its schedule is loaded', () => {
    const schedule = OfficialSchedule.fromChineseDays([
      {
        year: 2027,
        holidays: ['2027-01-01..2027-01-03'],
        makeUpWorkingDays: [],
      },
    ]);
    const calendar = createBusinessCalendar(
      defaultCalendars.find(d => d.id === 'working-days')!,
      schedule,
    );
    expect(calendar.isOpen(bj('2027-01-01T09:00'))).toBe(false);
    expect(calendar.isOpen(bj('2027-01-04T09:00'))).toBe(true);
    expect(
      calendar.uncoveredYears(bj('2027-01-01T00:00'), bj('2027-12-31T00:00')),
    ).toEqual([]);
  });
});

describe('calendars without the official calendar', () => {
  it('cover every year', () => {
    expect(onSite.coverage()).toEqual({ allYears: true });
    expect(onSite.isOpen(bj('2031-01-01T08:00'))).toBe(true);
    expect(
      always.uncoveredYears(bj('2030-01-01T00:00'), bj('2040-01-01T00:00')),
    ).toEqual([]);
  });

  it('on-site hours run 07:30–18:30 every day, holidays included', () => {
    expect(onSite.isOpen(bj('2026-02-17T07:30'))).toBe(true);
    expect(onSite.isOpen(bj('2026-02-17T18:30'))).toBe(false);
    expect(
      onSite.addBusinessDuration(bj('2026-02-17T18:20'), 30 * MINUTE),
    ).toBe(bj('2026-02-18T07:50'));
  });
});

describe('windows across midnight (phone duty 18:30–07:30)', () => {
  it('is open through the night and closed by day', () => {
    expect(phoneDuty.isOpen(bj('2026-03-02T18:30'))).toBe(true);
    expect(phoneDuty.isOpen(bj('2026-03-02T23:59'))).toBe(true);
    expect(phoneDuty.isOpen(bj('2026-03-03T00:00'))).toBe(true);
    expect(phoneDuty.isOpen(bj('2026-03-03T07:29'))).toBe(true);
    expect(phoneDuty.isOpen(bj('2026-03-03T07:30'))).toBe(false);
    expect(phoneDuty.isOpen(bj('2026-03-03T12:00'))).toBe(false);
  });

  it('closes at 07:30, not at midnight', () => {
    expect(phoneDuty.nextClosing(bj('2026-03-02T20:00'))).toBe(
      bj('2026-03-03T07:30'),
    );
    expect(phoneDuty.nextOpening(bj('2026-03-03T07:30'))).toBe(
      bj('2026-03-03T18:30'),
    );
  });

  it('adds and measures across midnight and across the day gap', () => {
    expect(
      phoneDuty.addBusinessDuration(bj('2026-03-02T23:00'), 2 * HOUR),
    ).toBe(bj('2026-03-03T01:00'));
    expect(phoneDuty.addBusinessDuration(bj('2026-03-03T07:00'), HOUR)).toBe(
      bj('2026-03-03T19:00'),
    );
    expect(
      phoneDuty.businessDurationBetween(
        bj('2026-03-02T12:00'),
        bj('2026-03-04T12:00'),
      ),
    ).toBe(26 * HOUR);
  });

  it('keeps a night window on the date it opens, even into a holiday', () => {
    const nights = createBusinessCalendar({
      id: 'night-shift',
      type: 'weekly',
      hours: { 'mon-fri': ['20:00-02:00'] },
      followsOfficialCalendar: true,
    });
    // Friday 13 Feb 2026 is a working day; the night runs into Saturday.
    expect(nights.isOpen(bj('2026-02-14T01:00'))).toBe(true);
    // Sunday 15 Feb is a holiday: no night opens on it, so Monday 01:00 is closed.
    expect(nights.isOpen(bj('2026-02-16T01:00'))).toBe(false);
    // The make-up Saturday 14 Feb opens with the working-day hours (Monday's).
    expect(nights.isOpen(bj('2026-02-14T21:00'))).toBe(true);
    expect(nights.isOpen(bj('2026-02-15T01:59'))).toBe(true);
  });

  it('never closes when open round the clock, within the horizon', () => {
    const roundTheClock = createBusinessCalendar({
      id: 'round-the-clock',
      type: 'weekly',
      hours: { 'mon-sun': ['00:00-24:00'] },
    });
    expect(roundTheClock.nextClosing(bj('2026-03-02T10:00'))).toBeUndefined();
    expect(always.nextClosing(bj('2026-03-02T10:00'))).toBeUndefined();
  });
});

describe("the court's own days", () => {
  const court: WeeklyCalendarDefinition = {
    id: 'court',
    type: 'weekly',
    hours: { 'mon-fri': ['08:30-12:00', '13:30-18:00'] },
    followsOfficialCalendar: true,
    closures: ['2026-03-10', '2026-03-12..2026-03-13'],
    extraWorkingDays: ['2026-03-14', '2026-02-17'],
    specialHours: { '2026-02-13': ['08:30-12:00'] },
  };
  const calendar = createBusinessCalendar(court);

  it('closes on closures, ranges included', () => {
    expect(calendar.isOpen(bj('2026-03-10T09:00'))).toBe(false);
    expect(calendar.isOpen(bj('2026-03-11T09:00'))).toBe(true);
    expect(calendar.isOpen(bj('2026-03-13T09:00'))).toBe(false);
  });

  it('opens on extra working days, even a public holiday', () => {
    expect(calendar.isOpen(bj('2026-03-14T09:00'))).toBe(true);
    expect(calendar.isOpen(bj('2026-02-17T09:00'))).toBe(true);
    expect(calendar.isOpen(bj('2026-02-18T09:00'))).toBe(false);
  });

  it('keeps a half day to its hours', () => {
    expect(calendar.isOpen(bj('2026-02-13T11:00'))).toBe(true);
    expect(calendar.isOpen(bj('2026-02-13T14:00'))).toBe(false);
    expect(
      calendar.businessDurationBetween(
        bj('2026-02-13T00:00'),
        bj('2026-02-14T00:00'),
      ),
    ).toBe(3.5 * HOUR);
    // 4 h from Friday 13 Feb 10:00: 2 h that morning, then the make-up Saturday.
    expect(calendar.addBusinessDuration(bj('2026-02-13T10:00'), 4 * HOUR)).toBe(
      bj('2026-02-14T10:30'),
    );
  });

  it('refuses a date in two lists', () => {
    expect(() =>
      createBusinessCalendar({ ...court, closures: ['2026-03-14'] }),
    ).toThrow(InvalidCalendarError);
  });
});

describe('a calendar in a zone with daylight saving (Europe/Berlin)', () => {
  const berlin = createBusinessCalendar({
    id: 'berlin-office',
    type: 'weekly',
    zone: 'Europe/Berlin',
    hours: { 'mon-fri': ['08:00-17:00'], 'sat-sun': ['01:00-04:00'] },
  });
  const roundTheClock = createBusinessCalendar({
    id: 'berlin-days',
    type: 'weekly',
    zone: 'Europe/Berlin',
    hours: { 'mon-sun': ['00:00-24:00'] },
  });

  it('opens at 08:00 local on both sides of the spring change', () => {
    // Friday 27 March 2026 is UTC+1, Monday 30 March UTC+2.
    expect(berlin.nextOpening('2026-03-27T05:00:00Z')).toBe(
      '2026-03-27T07:00:00.000Z',
    );
    // Saturday 00:30 local: the night window opens at 01:00 local.
    expect(berlin.nextOpening('2026-03-27T23:30:00Z')).toBe(
      '2026-03-28T00:00:00.000Z',
    );
    expect(berlin.addBusinessDuration('2026-03-27T15:00:00Z', 2 * HOUR)).toBe(
      '2026-03-28T01:00:00.000Z',
    );
    expect(berlin.nextOpening('2026-03-29T03:00:00Z')).toBe(
      '2026-03-30T06:00:00.000Z',
    );
  });

  it('loses the skipped hour from a night window and from the day', () => {
    // Sunday 29 March 01:00–04:00 local has no 02:00–03:00: two hours.
    expect(
      berlin.businessDurationBetween(
        '2026-03-28T22:00:00Z',
        '2026-03-29T22:00:00Z',
      ),
    ).toBe(2 * HOUR);
    expect(
      roundTheClock.businessDurationBetween(
        '2026-03-28T23:00:00Z',
        '2026-03-29T22:00:00Z',
      ),
    ).toBe(23 * HOUR);
  });

  it('gains the repeated hour in autumn', () => {
    // Sunday 25 October 01:00–04:00 local holds 02:00–03:00 twice: four hours.
    expect(
      berlin.businessDurationBetween(
        '2026-10-24T22:00:00Z',
        '2026-10-25T23:00:00Z',
      ),
    ).toBe(4 * HOUR);
    expect(
      roundTheClock.businessDurationBetween(
        '2026-10-24T22:00:00Z',
        '2026-10-25T23:00:00Z',
      ),
    ).toBe(25 * HOUR);
  });
});

describe('definitions that cannot work', () => {
  const base: WeeklyCalendarDefinition = {
    id: 'x',
    type: 'weekly',
    hours: { 'mon-fri': ['08:30-12:00'] },
  };
  it.each([
    ['an unknown zone', { zone: 'Asia/Beijing' }, /unknown time zone/],
    ['malformed hours', { hours: { mon: ['8:30-12:00'] } }, /HH:MM-HH:MM/],
    ['a bad day key', { hours: { weekdays: ['08:30-12:00'] } }, /not a day/],
    [
      'a day given twice',
      { hours: { 'mon-fri': ['08:30-12:00'], fri: ['13:00-14:00'] } },
      /repeats a day/,
    ],
    ['no hours at all', { hours: { mon: [] } }, /open no day/],
    ['a bad date', { closures: ['2026-02-30'] }, /not a date/],
  ])('refuses %s', (_, change, message) => {
    const attempt = () =>
      createBusinessCalendar({
        ...base,
        ...change,
      } as WeeklyCalendarDefinition);
    expect(attempt).toThrow(InvalidCalendarError);
    expect(attempt).toThrow(message);
  });

  it('says so when a long closure leaves no open time', () => {
    const closed = createBusinessCalendar({
      ...base,
      closures: ['2026-01-01..2027-12-31'],
    });
    expect(() =>
      closed.addBusinessDuration(bj('2026-01-05T09:00'), HOUR),
    ).toThrow(/no open time in the 366 days/);
    expect(closed.nextOpening(bj('2026-01-05T09:00'))).toBeUndefined();
  });
});
