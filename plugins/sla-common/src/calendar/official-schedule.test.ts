import { isWorkday } from 'chinese-days';
import {
  chineseDaysYear,
  mergeOfficialYears,
  OfficialSchedule,
  UncoveredYearError,
} from './official-schedule';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('OfficialSchedule from chinese-days', () => {
  const schedule = OfficialSchedule.fromChineseDays();

  it('covers the years the package has, 2004 to 2026', () => {
    expect(schedule.coveredYears[0]).toBe(2004);
    expect(schedule.coveredYears[schedule.coveredYears.length - 1]).toBe(2026);
    expect(schedule.coveredYears).toHaveLength(23);
    expect(schedule.covers(2027)).toBe(false);
  });

  it('has the 2026 Spring Festival: 15–23 February off, Saturdays 14 and 28 worked', () => {
    for (let day = 15; day <= 23; day++) {
      expect(schedule.dayKind(`2026-02-${day}`)).toBe('holiday');
    }
    expect(schedule.dayKind('2026-02-14')).toBe('make-up-working-day');
    expect(schedule.dayKind('2026-02-28')).toBe('make-up-working-day');
    expect(schedule.dayKind('2026-02-13')).toBe('ordinary');
    expect(schedule.dayKind('2026-02-24')).toBe('ordinary');
  });

  it('has make-up Sundays too (4 January and 20 September 2026)', () => {
    expect(new Date('2026-01-04').getUTCDay()).toBe(0);
    expect(schedule.dayKind('2026-01-04')).toBe('make-up-working-day');
    expect(schedule.dayKind('2026-09-20')).toBe('make-up-working-day');
  });

  it('refuses 2027 instead of guessing, though the package calls 1 January 2027 a working day', () => {
    expect(isWorkday('2027-01-01')).toBe(true);
    expect(() => schedule.dayKind('2027-01-01')).toThrow(UncoveredYearError);
    const error = thrownBy(() =>
      schedule.kindOfDay(Date.UTC(2027, 0, 1) / 86_400_000, 'working-days'),
    );
    expect(error).toBeInstanceOf(UncoveredYearError);
    expect((error as UncoveredYearError).year).toBe(2027);
    expect((error as Error).message).toBe(
      "no official holiday schedule for 2027 (calendar 'working-days'); covered years: 2004–2026. " +
        "Enter the State Council's 2027 schedule on the portal's official calendar page (/calendar) or under sla.officialSchedules.",
    );
  });

  it("counts a year as covered by its Spring Festival, not by a New Year's break reaching into it", () => {
    const schedule2 = new OfficialSchedule({
      holidays: {
        '2030-02-02': 'Spring Festival,春节,4',
        '2031-01-01': "New Year's Day,元旦,1",
      },
      workdays: {},
    });
    expect(schedule2.coveredYears).toEqual([2030]);
  });
});

describe('a year loaded from config', () => {
  // A made-up 2027 notice: the real one is published in November 2026.
  const year2027 = {
    year: 2027,
    holidays: ['2027-01-01..2027-01-03', '2027-02-06..2027-02-14'],
    makeUpWorkingDays: ['2027-02-20'],
  };

  it('extends the coverage', () => {
    const schedule = OfficialSchedule.fromChineseDays([year2027]);
    expect(schedule.coveredYears.slice(-2)).toEqual([2026, 2027]);
    expect(schedule.dayKind('2027-01-01')).toBe('holiday');
    expect(schedule.dayKind('2027-02-14')).toBe('holiday');
    expect(schedule.dayKind('2027-02-20')).toBe('make-up-working-day');
    expect(schedule.dayKind('2027-03-01')).toBe('ordinary');
  });

  it("replaces the package's data for a year it already has", () => {
    const schedule = OfficialSchedule.fromChineseDays([
      { year: 2026, holidays: ['2026-03-02'], makeUpWorkingDays: [] },
    ]);
    expect(schedule.dayKind('2026-03-02')).toBe('holiday');
    expect(schedule.dayKind('2026-02-16')).toBe('ordinary');
    expect(schedule.dayKind('2026-02-14')).toBe('ordinary');
  });

  it('refuses dates outside its year or listed twice', () => {
    expect(() =>
      OfficialSchedule.fromChineseDays([
        { ...year2027, holidays: ['2026-12-31'] },
      ]),
    ).toThrow('2026-12-31 is not in 2027');
    expect(() =>
      OfficialSchedule.fromChineseDays([
        { ...year2027, makeUpWorkingDays: ['2027-01-02'] },
      ]),
    ).toThrow('2027-01-02 is listed twice');
  });
});

describe('chineseDaysYear', () => {
  it("gives the package's 2026 with Chinese names, and nothing for 2027", () => {
    const y2026 = chineseDaysYear(2026)!;
    expect(y2026.holidays).toHaveLength(33);
    expect(y2026.holidays[3]).toEqual({ date: '2026-02-15', name: '春节' });
    expect(y2026.makeUpWorkingDays.map(d => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(chineseDaysYear(2027)).toBeUndefined();
  });
});

describe('mergeOfficialYears', () => {
  it('lets a year entered in the portal replace the same year from config', () => {
    const fromConfig = { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [] };
    const entered = { year: 2027, holidays: ['2027-01-01..2027-01-03'], makeUpWorkingDays: [] };
    const other = { year: 2028, holidays: [], makeUpWorkingDays: [] };
    expect(mergeOfficialYears([other, fromConfig], [entered])).toEqual([entered, other]);
  });
});
