import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  futurePeriodProblem,
  MAX_PERIOD_DAYS,
  periodOf,
  periodWindow,
  previousPeriod,
  reportPeriodSchema,
} from './period';

const SHANGHAI = 'Asia/Shanghai';

describe('periodWindow', () => {
  it('covers the period’s days in the court’s zone, end excluded', () => {
    expect(
      periodWindow({ from: '2026-11-01', to: '2026-11-30' }, SHANGHAI),
    ).toEqual({
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z',
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('crosses the year end', () => {
    expect(
      periodWindow({ from: '2026-12-28', to: '2027-01-03' }, SHANGHAI),
    ).toMatchObject({
      start: '2026-12-27T16:00:00.000Z',
      end: '2027-01-03T16:00:00.000Z',
    });
    expect(
      periodWindow({ from: '2026-12-31', to: '2026-12-31' }, 'UTC'),
    ).toMatchObject({
      start: '2026-12-31T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
  });

  it('is 24 hours a day in zones without daylight saving, whatever the period', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01'),
          max: new Date('2099-01-01'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: MAX_PERIOD_DAYS }),
        fc.constantFrom(SHANGHAI, 'UTC', 'Asia/Urumqi'),
        (date, days, zone) => {
          const from = DateTime.fromJSDate(date, { zone: 'utc' });
          const period = {
            from: from.toISODate()!,
            to: from.plus({ days: days - 1 }).toISODate()!,
          };
          const { start, end } = periodWindow(period, zone);
          expect(Date.parse(end) - Date.parse(start)).toBe(days * 86_400_000);
        },
      ),
    );
  });

  it('follows a zone’s clock change where it has one', () => {
    // Berlin put its clocks forward on 29 March 2026: March had 31 days less one hour.
    const { start, end } = periodWindow(
      { from: '2026-03-01', to: '2026-03-31' },
      'Europe/Berlin',
    );
    expect(Date.parse(end) - Date.parse(start)).toBe(
      31 * 86_400_000 - 3_600_000,
    );
  });
});

describe('periodOf', () => {
  it('gives the Monday-to-Sunday week, across a year end', () => {
    // 1 January 2027 is a Friday.
    expect(periodOf('week', '2027-01-01')).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(periodOf('week', '2026-11-30')).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
    });
  });

  it('gives the month and the quarter', () => {
    expect(periodOf('month', '2028-02-10')).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodOf('quarter', '2026-11-15')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodOf('quarter', '2027-01-01')).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    });
  });

  it('contains the day it is asked about', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01'),
          max: new Date('2099-01-01'),
          noInvalidDate: true,
        }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
        (date, kind) => {
          const day = DateTime.fromJSDate(date, { zone: 'utc' }).toISODate()!;
          const period = periodOf(kind, day);
          expect(period.from <= day && day <= period.to).toBe(true);
        },
      ),
    );
  });
});

describe('previousPeriod', () => {
  it('steps back a week, a month, a quarter, across year ends', () => {
    expect(
      previousPeriod({ from: '2026-12-28', to: '2027-01-03' }, 'week'),
    ).toEqual({
      from: '2026-12-21',
      to: '2026-12-27',
    });
    expect(
      previousPeriod({ from: '2027-01-01', to: '2027-01-31' }, 'month'),
    ).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(
      previousPeriod({ from: '2026-03-01', to: '2026-03-31' }, 'month'),
    ).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(
      previousPeriod({ from: '2027-01-01', to: '2027-03-31' }, 'quarter'),
    ).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });

  it('takes as many days just before a custom period', () => {
    expect(
      previousPeriod({ from: '2026-12-30', to: '2027-01-02' }, 'custom'),
    ).toEqual({
      from: '2026-12-26',
      to: '2026-12-29',
    });
  });

  it('gives the previous month or quarter of any month or quarter, ending the day before', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01'),
          max: new Date('2099-01-01'),
          noInvalidDate: true,
        }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
        (date, kind) => {
          const period = periodOf(
            kind,
            DateTime.fromJSDate(date, { zone: 'utc' }).toISODate()!,
          );
          const previous = previousPeriod(period, kind);
          expect(previous).toEqual(periodOf(kind, previous.from));
          expect(
            DateTime.fromISO(previous.to).plus({ days: 1 }).toISODate(),
          ).toBe(period.from);
        },
      ),
    );
  });
});

describe('reportPeriodSchema', () => {
  const issuesOf = (value: unknown) => {
    const result = reportPeriodSchema.safeParse(value);
    // The fields named, once each (a malformed date fails its pattern and its calendar check).
    return result.success
      ? []
      : [...new Set(result.error.issues.map(i => i.path.join('.')))];
  };

  it('names `to` for a period that ends before it starts', () => {
    expect(issuesOf({ from: '2026-11-30', to: '2026-11-01' })).toEqual(['to']);
    expect(issuesOf({ from: '2026-11-01', to: '2026-11-01' })).toEqual([]);
  });

  it('names `to` for a period over 400 days, and takes 400', () => {
    const from = DateTime.fromISO('2026-01-01');
    const upTo = (days: number) => from.plus({ days: days - 1 }).toISODate();
    expect(issuesOf({ from: '2026-01-01', to: upTo(MAX_PERIOD_DAYS) })).toEqual(
      [],
    );
    expect(
      issuesOf({ from: '2026-01-01', to: upTo(MAX_PERIOD_DAYS + 1) }),
    ).toEqual(['to']);
  });

  it('names the field that is not a calendar date', () => {
    expect(issuesOf({ from: '2026-02-30', to: '2026-03-01' })).toEqual([
      'from',
    ]);
    expect(issuesOf({ from: '2026-02-01', to: '1 March' })).toEqual(['to']);
  });
});

describe('futurePeriodProblem', () => {
  const november = { from: '2026-11-01', to: '2026-11-30' };
  // November ends at 1 December 00:00 in Shanghai, 30 November 16:00 UTC.
  it('refuses a period until its last day has ended, to the millisecond', () => {
    expect(
      futurePeriodProblem(
        november,
        DateTime.fromISO('2026-11-30T15:59:59.999Z'),
        SHANGHAI,
      ),
    ).toContain('2026-11-30');
    expect(
      futurePeriodProblem(
        november,
        DateTime.fromISO('2026-11-30T16:00:00.000Z'),
        SHANGHAI,
      ),
    ).toBeUndefined();
  });

  it('reads the end in the court’s zone', () => {
    // At 20:00 UTC on 30 November it is already December in Shanghai, not yet in UTC.
    const now = DateTime.fromISO('2026-11-30T20:00:00.000Z');
    expect(futurePeriodProblem(november, now, SHANGHAI)).toBeUndefined();
    expect(futurePeriodProblem(november, now, 'UTC')).toBeDefined();
  });
});
