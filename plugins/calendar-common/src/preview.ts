import {
  dayNumber,
  formatDayNumber,
  weekdayOf,
  YearSchedule,
} from './schedule';

/** How the preview shows a day. */
export type PreviewDayKind =
  | 'holiday'
  | 'make-up-working-day'
  | 'weekend'
  | 'working-day';

export interface PreviewDay {
  readonly date: string;
  /** Day of the month, 1..31. */
  readonly day: number;
  readonly kind: PreviewDayKind;
  /** The break's name on a holiday or a make-up working day that names one. */
  readonly name?: string;
}

export interface PreviewMonth {
  /** 1..12 */
  readonly month: number;
  /** Monday-first weeks; null pads the days of other months. */
  readonly weeks: ReadonlyArray<ReadonlyArray<PreviewDay | null>>;
  readonly workingDays: number;
}

/** The year as month grids, for the schedule form's preview. */
export interface YearPreview {
  readonly year: number;
  readonly months: readonly PreviewMonth[];
  readonly workingDays: number;
  readonly holidays: number;
}

/**
 * The year a schedule describes, day by day: holidays, make-up working days,
 * weekends and working days. Entries outside the year are ignored, so the
 * form can preview what it has while the user is still typing.
 */
export function yearPreview(schedule: YearSchedule): YearPreview {
  const special = new Map<number, { kind: PreviewDayKind; name?: string }>();
  for (const holiday of schedule.holidays) {
    const first = dayNumber(holiday.start);
    const last = dayNumber(holiday.end);
    if (first === undefined || last === undefined) continue;
    for (let day = first; day <= last; day++) {
      special.set(day, { kind: 'holiday', name: holiday.name });
    }
  }
  for (const { date, name } of schedule.makeUpWorkingDays) {
    const day = dayNumber(date);
    if (day !== undefined && !special.has(day)) {
      special.set(day, { kind: 'make-up-working-day', name });
    }
  }
  const months: PreviewMonth[] = [];
  let yearWorking = 0;
  let yearHolidays = 0;
  for (let month = 1; month <= 12; month++) {
    const first = Date.UTC(schedule.year, month - 1, 1) / 86_400_000;
    const next = Date.UTC(schedule.year, month, 1) / 86_400_000;
    const weeks: Array<Array<PreviewDay | null>> = [];
    let week: Array<PreviewDay | null> = Array(weekdayOf(first) - 1).fill(null);
    let workingDays = 0;
    for (let day = first; day < next; day++) {
      const marked = special.get(day);
      const kind: PreviewDayKind =
        marked?.kind ?? (weekdayOf(day) >= 6 ? 'weekend' : 'working-day');
      if (kind === 'working-day' || kind === 'make-up-working-day') {
        workingDays++;
      }
      if (kind === 'holiday') yearHolidays++;
      week.push({
        date: formatDayNumber(day),
        day: day - first + 1,
        kind,
        ...(marked?.name ? { name: marked.name } : {}),
      });
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) {
      weeks.push([...week, ...Array(7 - week.length).fill(null)]);
    }
    yearWorking += workingDays;
    months.push({ month, weeks, workingDays });
  }
  return {
    year: schedule.year,
    months,
    workingDays: yearWorking,
    holidays: yearHolidays,
  };
}
