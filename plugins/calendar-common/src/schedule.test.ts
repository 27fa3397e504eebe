import fc from 'fast-check';
import {
  dayNumber,
  formatDayNumber,
  toOfficialYearSchedule,
  weekdayOf,
  yearScheduleSchema,
  YearSchedule,
} from './schedule';
import { yearPreview } from './preview';

/** The State Council's notice for 2027 as a court would enter it (example data). */
const y2027: YearSchedule = {
  year: 2027,
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-06', end: '2027-02-14' },
  ],
  makeUpWorkingDays: [
    { date: '2027-02-20', name: '春节' },
    { date: '2027-01-31' },
  ],
};

const issues = (value: unknown) => {
  const result = yearScheduleSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`);
};

describe('yearScheduleSchema', () => {
  it('accepts a well-formed year', () => {
    expect(issues(y2027)).toEqual([]);
  });

  it('names the field of each broken rule', () => {
    expect(
      issues({
        ...y2027,
        holidays: [
          { name: '元旦', start: '2026-12-31', end: '2027-01-01' },
          { name: '春节', start: '2027-02-14', end: '2027-02-06' },
          { name: '清明', start: '2027-04-03', end: '2027-04-05' },
          { name: '重复', start: '2027-04-05', end: '2027-04-05' },
          { name: ' ', start: '2027-05-01', end: '2027-05-01' },
          { name: '错日', start: '2027-02-30', end: '2027-03-01' },
        ],
        makeUpWorkingDays: [
          { date: '2027-04-04' },
          { date: '2027-02-08' },
          { date: '2028-01-01' },
          { date: '2027-02-20' },
          { date: '2027-02-20' },
        ],
      }),
    ).toEqual([
      'holidays.4.name: is required',
      'holidays.5.start: expected a date YYYY-MM-DD',
      'holidays.0.start: 2026-12-31 is not in 2027',
      'holidays.1.end: 2027-02-06 is before the start 2027-02-14',
      'holidays.3: 2027-04-05 is already in the break 清明',
      'makeUpWorkingDays.0.date: 2027-04-04 is also a holiday (清明)',
      'makeUpWorkingDays.1.date: 2027-02-08 is a weekday; a make-up working day is a Saturday or Sunday',
      'makeUpWorkingDays.2.date: 2028-01-01 is not in 2027',
      'makeUpWorkingDays.4.date: 2027-02-20 is listed twice',
    ]);
  });

  it('refuses unknown fields and a year out of range', () => {
    expect(
      issues({ year: 1999, holidays: [], makeUpWorkingDays: [], extra: 1 }),
    ).toEqual([
      'year: Too small: expected number to be >=2000',
      ': Unrecognized key: "extra"',
    ]);
  });
});

describe('dates', () => {
  it('weekdayOf agrees with the JavaScript calendar, and formatting round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 60000 }), day => {
        const date = formatDayNumber(day);
        expect(dayNumber(date)).toBe(day);
        const jsDay = new Date(day * 86_400_000).getUTCDay();
        expect(weekdayOf(day)).toBe(jsDay === 0 ? 7 : jsDay);
      }),
    );
  });

  it('refuses impossible dates', () => {
    expect(dayNumber('2027-02-29')).toBeUndefined();
    expect(dayNumber('2028-02-29')).toBeDefined();
    expect(dayNumber('2027-2-1')).toBeUndefined();
  });
});

describe('toOfficialYearSchedule', () => {
  it('gives the engine ranges and single dates', () => {
    expect(
      toOfficialYearSchedule({
        ...y2027,
        holidays: [
          ...y2027.holidays,
          { name: 'x', start: '2027-05-01', end: '2027-05-01' },
        ],
      }),
    ).toEqual({
      year: 2027,
      holidays: [
        '2027-01-01..2027-01-03',
        '2027-02-06..2027-02-14',
        '2027-05-01',
      ],
      makeUpWorkingDays: ['2027-02-20', '2027-01-31'],
    });
  });
});

describe('yearPreview', () => {
  it('marks each day and counts working days', () => {
    const preview = yearPreview(y2027);
    const days = preview.months.flatMap(m => m.weeks.flat()).filter(d => d);
    expect(days).toHaveLength(365);
    const byDate = new Map(days.map(d => [d!.date, d!]));
    expect(byDate.get('2027-02-10')).toMatchObject({
      kind: 'holiday',
      name: '春节',
    });
    expect(byDate.get('2027-02-20')).toMatchObject({
      kind: 'make-up-working-day',
      name: '春节',
    });
    expect(byDate.get('2027-01-31')?.kind).toBe('make-up-working-day');
    expect(byDate.get('2027-02-27')?.kind).toBe('weekend');
    expect(byDate.get('2027-02-15')?.kind).toBe('working-day');
    expect(preview.holidays).toBe(12);
    // 261 weekdays in 2027, less the 6 holiday weekdays (Jan 1, Feb 8-12), plus 2 make-up days.
    expect(preview.workingDays).toBe(261 - 6 + 2);
    expect(preview.months.reduce((n, m) => n + m.workingDays, 0)).toBe(
      preview.workingDays,
    );
  });

  it('lays every month out in Monday-first weeks of seven', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), year => {
        const preview = yearPreview({
          year,
          holidays: [],
          makeUpWorkingDays: [],
        });
        for (const month of preview.months) {
          for (const week of month.weeks) {
            expect(week).toHaveLength(7);
            const placed = week.flatMap((day, i) =>
              day ? [[weekdayOf(dayNumber(day.date)!), i + 1]] : [],
            );
            expect(placed.every(([actual, column]) => actual === column)).toBe(
              true,
            );
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
