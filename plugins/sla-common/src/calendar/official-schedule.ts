import chineseDays from 'chinese-days/dist/chinese-days.json';
import {
  dateParts,
  expandDateEntries,
  formatLocalDate,
  parseLocalDate,
} from '../time/local-date';

/** How China's official calendar classes a date. */
export type OfficialDayKind =
  /** Part of a public holiday break (放假): no work, whatever the weekday. */
  | 'holiday'
  /** A weekend day worked to make up for a break (调休上班). */
  | 'make-up-working-day'
  /** Neither: the weekday decides. */
  | 'ordinary';

/**
 * One year of the State Council's holiday notice, as the court loads it from
 * config when the data package does not have it yet. Dates are single dates or
 * inclusive ranges (`2027-02-06..2027-02-14`) and must lie in `year`.
 */
export interface OfficialYearSchedule {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly makeUpWorkingDays: readonly string[];
}

/**
 * Thrown when a date's year has no official schedule. Treating such a date as
 * an ordinary day would silently count a public holiday as a working day.
 */
export class UncoveredYearError extends Error {
  constructor(
    readonly year: number,
    readonly coveredYears: readonly number[],
    readonly calendarId?: string,
  ) {
    super(
      `no official holiday schedule for ${year}${
        calendarId ? ` (calendar '${calendarId}')` : ''
      }; covered years: ${describeYears(coveredYears)}. ` +
        `Enter the State Council's ${year} schedule on the portal's official calendar page (/calendar) or under sla.officialSchedules.`,
    );
    this.name = 'UncoveredYearError';
  }
}

/** `2004–2026, 2028` */
function describeYears(years: readonly number[]): string {
  const runs: string[] = [];
  years.forEach((year, i) => {
    if (i > 0 && years[i - 1] === year - 1) {
      runs[runs.length - 1] = `${runs[runs.length - 1].split('–')[0]}–${year}`;
    } else {
      runs.push(String(year));
    }
  });
  return runs.length > 0 ? runs.join(', ') : 'none';
}

interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/**
 * China's official holidays and make-up working days: the `chinese-days`
 * package's data plus years loaded from config, knowing which years it covers.
 */
export class OfficialSchedule {
  private readonly kinds = new Map<number, OfficialDayKind>();
  private readonly years: ReadonlySet<number>;
  /** Covered years, ascending. */
  readonly coveredYears: readonly number[];

  /**
   * The package's data, with `extraYears` added. A year given in `extraYears`
   * replaces the package's data for that year entirely.
   */
  static fromChineseDays(
    extraYears: readonly OfficialYearSchedule[] = [],
  ): OfficialSchedule {
    return new OfficialSchedule(chineseDays, extraYears);
  }

  constructor(
    data: ChineseDaysData,
    extraYears: readonly OfficialYearSchedule[] = [],
  ) {
    const replaced = new Set(extraYears.map(schedule => schedule.year));
    const years = new Set<number>();
    const put = (text: string, kind: OfficialDayKind) => {
      const day = parseLocalDate(text);
      const year = Number(text.slice(0, 4));
      if (day !== undefined && !replaced.has(year)) {
        this.kinds.set(day, kind);
      }
    };
    for (const [date, name] of Object.entries(data.holidays)) {
      put(date, 'holiday');
      // Every notice names a Spring Festival break in its own year, while its
      // New Year's Day break may reach into the year before; so a year counts
      // as covered only with its Spring Festival.
      if (name.startsWith('Spring Festival')) {
        years.add(Number(date.slice(0, 4)));
      }
    }
    for (const date of Object.keys(data.workdays)) {
      put(date, 'make-up-working-day');
    }
    for (const schedule of extraYears) {
      this.addYear(schedule);
      years.add(schedule.year);
    }
    this.years = years;
    this.coveredYears = [...years].sort((a, b) => a - b);
  }

  private addYear(schedule: OfficialYearSchedule) {
    const lists: Array<[readonly string[], OfficialDayKind]> = [
      [schedule.holidays, 'holiday'],
      [schedule.makeUpWorkingDays, 'make-up-working-day'],
    ];
    for (const [entries, kind] of lists) {
      for (const day of expandDateEntries(entries)) {
        const date = formatLocalDate(day);
        if (Number(date.slice(0, 4)) !== schedule.year) {
          throw new RangeError(
            `${date} is not in ${schedule.year}, the year of this schedule`,
          );
        }
        if (this.kinds.has(day)) {
          throw new RangeError(
            `${date} is listed twice in the ${schedule.year} schedule`,
          );
        }
        this.kinds.set(day, kind);
      }
    }
  }

  /** Whether the schedule covers `year`. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * How the official calendar classes a date (`YYYY-MM-DD`).
   * @throws UncoveredYearError when its year is not covered.
   */
  dayKind(date: string): OfficialDayKind {
    const day = parseLocalDate(date);
    if (day === undefined) {
      throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    }
    return this.kindOfDay(day);
  }

  /** @internal {@link OfficialSchedule.dayKind} by day number. */
  kindOfDay(day: number, calendarId?: string): OfficialDayKind {
    const year = dateParts(day).year;
    if (!this.years.has(year)) {
      throw new UncoveredYearError(year, this.coveredYears, calendarId);
    }
    return this.kinds.get(day) ?? 'ordinary';
  }
}

/** A date of the package's data with the break it belongs to (Chinese name). */
export interface NamedOfficialDate {
  readonly date: string;
  readonly name: string;
}

/**
 * The `chinese-days` package's own data for one year (without anything from
 * config), for showing where a year comes from; undefined for a year the
 * package does not cover.
 */
export function chineseDaysYear(year: number):
  | {
      readonly holidays: readonly NamedOfficialDate[];
      readonly makeUpWorkingDays: readonly NamedOfficialDate[];
    }
  | undefined {
  if (!OfficialSchedule.fromChineseDays().covers(year)) return undefined;
  const prefix = `${year}-`;
  // Names are `English,中文,days`; the court reads the Chinese one.
  const named = (data: Readonly<Record<string, string>>) =>
    Object.entries(data)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, name]) => ({ date, name: name.split(',')[1] ?? name }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return {
    holidays: named(chineseDays.holidays),
    makeUpWorkingDays: named(chineseDays.workdays),
  };
}

/**
 * The official years to use: `configured` (app-config) with `entered` (the
 * portal) on top, a year entered in the portal replacing the same year from
 * config. Ascending by year.
 */
export function mergeOfficialYears(
  configured: readonly OfficialYearSchedule[],
  entered: readonly OfficialYearSchedule[],
): OfficialYearSchedule[] {
  const byYear = new Map<number, OfficialYearSchedule>();
  for (const schedule of [...configured, ...entered]) {
    byYear.set(schedule.year, schedule);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
