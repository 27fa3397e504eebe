import { SlaEngine, UncoveredYearError } from '@internal/plugin-sla-common';
import fc from 'fast-check';
import { addDays, datesBetween, formatDay, toDay } from './dates';
import {
  dueOccurrences,
  Frequency,
  FREQUENCIES,
  nextOccurrence,
  periodOf,
  WorkingDays,
  workingDaysOf,
} from './schedule';

const court = workingDaysOf(new SlaEngine().calendars.get('working-days'));
const dates = (frequency: Frequency, from: string, to: string) =>
  dueOccurrences({ frequency }, court, from, to).map(o => o.date);

describe('plans on the court calendar across the Spring Festival 2026', () => {
  // State Council 2026: break 2026-02-15..2026-02-23; make-up working days Sat 02-14 and Sat 02-28.
  it('has daily rounds on both make-up Saturdays and none during the break', () => {
    const daily = dates('daily', '2026-02-09', '2026-03-02');
    expect(daily).toEqual([
      '2026-02-09',
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-13',
      '2026-02-14', // make-up Saturday
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28', // make-up Saturday
      '2026-03-02',
    ]);
    for (const holidayWeekday of datesBetween('2026-02-16', '2026-02-23')) {
      expect(daily).not.toContain(holidayWeekday);
    }
  });

  it('puts a weekly round on the first working day of each week; a week of holidays has none', () => {
    expect(
      dueOccurrences(
        { frequency: 'weekly' },
        court,
        '2026-02-09',
        '2026-03-08',
      ),
    ).toEqual([
      { date: '2026-02-09', dueBy: '2026-02-15' },
      // 02-16..02-22 is all holiday: no round that week.
      { date: '2026-02-24', dueBy: '2026-03-01' }, // Monday 02-23 is still the break
      { date: '2026-03-02', dueBy: '2026-03-08' },
    ]);
  });

  it('starts monthly and quarterly rounds on the first working day of the period', () => {
    expect(dates('monthly', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-04', // after the New Year break (01-01..01-03), a make-up Sunday
      '2026-02-02',
      '2026-03-02',
      '2026-04-01',
      '2026-05-06',
      '2026-06-01',
      '2026-07-01',
      '2026-08-03',
      '2026-09-01',
      '2026-10-08',
      '2026-11-02',
      '2026-12-01',
    ]);
    expect(dates('quarterly', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-04',
      '2026-04-01',
      '2026-07-01',
      '2026-10-08',
    ]);
  });

  it('never places a round on a day the court does not work', () => {
    for (const frequency of FREQUENCIES) {
      for (const date of dates(frequency, '2026-01-01', '2026-12-31')) {
        expect([frequency, date, court.isWorkingDay(date)]).toEqual([
          frequency,
          date,
          true,
        ]);
      }
    }
  });

  it('finds the next date across the break', () => {
    expect(nextOccurrence({ frequency: 'daily' }, court, '2026-02-15')).toEqual(
      {
        date: '2026-02-24',
        dueBy: '2026-02-24',
      },
    );
    expect(
      nextOccurrence({ frequency: 'monthly' }, court, '2026-02-03')?.date,
    ).toBe('2026-03-02');
  });

  it('finds a December date before the uncovered year, and says which year it needs after it', () => {
    // The package's data ends with 2026 (issue 22: a daily plan from 2026-12-02 was dropped).
    const daily = { frequency: 'daily' as const, startsOn: '2026-12-02' };
    expect(nextOccurrence(daily, court, '2026-12-05')?.date).toBe('2026-12-07');
    expect(nextOccurrence(daily, court, '2026-12-30')?.date).toBe('2026-12-30');
    let thrown: unknown;
    try {
      nextOccurrence({ frequency: 'monthly' }, court, '2026-12-02');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UncoveredYearError);
    expect((thrown as UncoveredYearError).year).toBe(2027);
  });

  it('does not schedule before the plan starts', () => {
    expect(
      dueOccurrences(
        { frequency: 'weekly', startsOn: '2026-03-04' },
        court,
        '2026-03-02',
        '2026-03-15',
      ).map(o => o.date),
    ).toEqual(['2026-03-04', '2026-03-09']);
  });
});

/** A random court: any set of working days over a few months of 2026. */
const START = toDay('2026-01-01');
const SPAN = 150;
const arbitraryCourt = fc
  .array(fc.boolean(), { minLength: SPAN, maxLength: SPAN })
  .map(
    (open): WorkingDays => ({
      isWorkingDay: date => open[toDay(date) - START] ?? false,
    }),
  );
const dayIn = fc
  .integer({ min: 0, max: SPAN - 1 })
  .map(i => formatDay(START + i));

describe('schedule properties', () => {
  it('a catch-up over any outage creates exactly the rounds the days would have, none twice', () => {
    fc.assert(
      fc.property(
        arbitraryCourt,
        fc.constantFrom(...FREQUENCIES),
        dayIn,
        fc.integer({ min: 0, max: 60 }),
        (days, frequency, from, length) => {
          const to = addDays(from, length);
          const atOnce = dueOccurrences({ frequency }, days, from, to);
          const dayByDay = datesBetween(from, to).flatMap(date =>
            dueOccurrences({ frequency }, days, date, date),
          );
          expect(atOnce).toEqual(dayByDay);
          const seen = atOnce.map(o => o.date);
          expect(new Set(seen).size).toBe(seen.length);
        },
      ),
    );
  });

  it('splitting a range anywhere gives the union of both halves', () => {
    fc.assert(
      fc.property(
        arbitraryCourt,
        fc.constantFrom(...FREQUENCIES),
        dayIn,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (days, frequency, from, a, b) => {
          const [cut, length] = a <= b ? [a, b] : [b, a];
          const whole = dueOccurrences(
            { frequency },
            days,
            from,
            addDays(from, length),
          );
          const halves = [
            ...dueOccurrences(
              { frequency },
              days,
              from,
              addDays(from, cut - 1),
            ),
            ...dueOccurrences(
              { frequency },
              days,
              addDays(from, cut),
              addDays(from, length),
            ),
          ];
          expect(halves).toEqual(whole);
        },
      ),
    );
  });

  it('gives each period with a working day exactly one round, on its first working day', () => {
    fc.assert(
      fc.property(
        arbitraryCourt,
        fc.constantFrom<Frequency>('weekly', 'monthly'),
        (days, frequency) => {
          const from = formatDay(START);
          const to = formatDay(START + SPAN - 1);
          const found = dueOccurrences({ frequency }, days, from, to);
          let day = START;
          while (day < START + SPAN) {
            const period = periodOf(frequency, day);
            const inRange = datesBetween(
              formatDay(Math.max(period.start, START)),
              formatDay(Math.min(period.end, START + SPAN - 1)),
            );
            const working = inRange.filter(d => days.isWorkingDay(d));
            const rounds = found.filter(o => inRange.includes(o.date));
            // Days before START are closed in this court, so clipped periods obey the rule too.
            expect(rounds.map(o => o.date)).toEqual(working.slice(0, 1));
            day = period.end + 1;
          }
        },
      ),
    );
  });
});
