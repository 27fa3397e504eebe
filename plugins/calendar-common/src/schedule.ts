import type { OfficialYearSchedule } from '@internal/plugin-sla-common';
import { z } from 'zod';

/** One break of the State Council's notice, e.g. 春节 2027-02-06..2027-02-14. */
export interface HolidayBreak {
  /** As the notice names it, e.g. 春节. */
  readonly name: string;
  /** First day off (YYYY-MM-DD). */
  readonly start: string;
  /** Last day off, inclusive. */
  readonly end: string;
}

/** A weekend day worked to make up for a break (调休上班). */
export interface MakeUpWorkingDay {
  readonly date: string;
  /** The break it makes up for, e.g. 春节; optional. */
  readonly name?: string;
}

/** One year of the State Council's holiday notice, as the court IT office enters it. */
export interface YearSchedule {
  readonly year: number;
  readonly holidays: readonly HolidayBreak[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Day number (days since 1970-01-01) of a valid YYYY-MM-DD, else undefined. */
export function dayNumber(date: string): number | undefined {
  if (!DATE.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

/** YYYY-MM-DD of a day number. */
export function formatDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) .. 7 (Sunday) of a day number. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const dateText = z
  .string()
  .refine(text => dayNumber(text) !== undefined, 'expected a date YYYY-MM-DD');

const nameText = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40, 'is longer than 40 characters');

/**
 * A year's schedule with every rule of the notice checked: dates inside the
 * year, a break's end not before its start, breaks not overlapping, make-up
 * working days on a Saturday or Sunday, no day both a holiday and a make-up
 * working day. Each issue's path names the field, e.g. `makeUpWorkingDays.0.date`.
 */
export const yearScheduleSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z
      .array(z.strictObject({ name: nameText, start: dateText, end: dateText }))
      .max(30),
    makeUpWorkingDays: z
      .array(z.strictObject({ date: dateText, name: nameText.optional() }))
      .max(30),
  })
  .superRefine((schedule, ctx) => {
    const inYear = (date: string, path: PropertyKey[]) => {
      if (Number(date.slice(0, 4)) !== schedule.year) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${date} is not in ${schedule.year}`,
        });
        return false;
      }
      return true;
    };
    const holidayOf = new Map<number, string>();
    schedule.holidays.forEach((holiday, i) => {
      const okStart = inYear(holiday.start, ['holidays', i, 'start']);
      const okEnd = inYear(holiday.end, ['holidays', i, 'end']);
      if (!okStart || !okEnd) return;
      const first = dayNumber(holiday.start)!;
      const last = dayNumber(holiday.end)!;
      if (last < first) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, 'end'],
          message: `${holiday.end} is before the start ${holiday.start}`,
        });
        return;
      }
      for (let day = first; day <= last; day++) {
        const other = holidayOf.get(day);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', i],
            message: `${formatDayNumber(day)} is already in the break ${other}`,
          });
          return;
        }
        holidayOf.set(day, holiday.name);
      }
    });
    const makeUps = new Set<number>();
    schedule.makeUpWorkingDays.forEach(({ date }, i) => {
      const path = ['makeUpWorkingDays', i, 'date'];
      if (!inYear(date, path)) return;
      const day = dayNumber(date)!;
      let problem: string | undefined;
      if (holidayOf.has(day)) {
        problem = `${date} is also a holiday (${holidayOf.get(day)})`;
      } else if (makeUps.has(day)) {
        problem = `${date} is listed twice`;
      } else if (weekdayOf(day) < 6) {
        problem = `${date} is a weekday; a make-up working day is a Saturday or Sunday`;
      }
      if (problem) ctx.addIssue({ code: 'custom', path, message: problem });
      makeUps.add(day);
    });
  });

/** The engine's form of a year (sla-common), as `sla.officialSchedules` takes it. */
export function toOfficialYearSchedule(
  schedule: YearSchedule,
): OfficialYearSchedule {
  return {
    year: schedule.year,
    holidays: schedule.holidays.map(({ start, end }) =>
      start === end ? start : `${start}..${end}`,
    ),
    makeUpWorkingDays: schedule.makeUpWorkingDays.map(({ date }) => date),
  };
}

/** PUT /years/:year */
export const saveYearRequestSchema = z.strictObject({
  schedule: yearScheduleSchema,
  expectedVersion: z.number().int().min(0),
  comment: z
    .string()
    .trim()
    .max(200, 'is longer than 200 characters')
    .optional(),
});
