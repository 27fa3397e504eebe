import type { BusinessCalendar } from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';
import { formatDay, isoWeekday, toDay } from './dates';

/**
 * When a plan is due. The rule (docs/inspections.md):
 *
 * - daily: every working day;
 * - weekly, monthly, quarterly: the first working day of the ISO week, the
 *   month, the quarter (on or after the plan's start);
 * - a period without a working day (a week inside the Spring Festival break)
 *   has no round;
 * - a round is due by the last calendar day of its period; after that an
 *   unfinished check is overdue.
 */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Which dates the court works: the SLA engine's `working-days` calendar, or a fake in tests. */
export interface WorkingDays {
  /** @throws UncoveredYearError for a year without an official schedule */
  isWorkingDay(date: string): boolean;
}

/**
 * A calendar's working days: a date is one when the calendar is open at any
 * time on it, so make-up Saturdays count and holiday weekdays do not.
 */
export function workingDaysOf(calendar: BusinessCalendar): WorkingDays {
  const known = new Map<string, boolean>();
  return {
    isWorkingDay(date) {
      let open = known.get(date);
      if (open === undefined) {
        const start = DateTime.fromISO(date, { zone: calendar.zone });
        open =
          calendar.businessDurationBetween(
            start.toISO()!,
            start.plus({ days: 1 }).toISO()!,
          ) > 0;
        known.set(date, open);
      }
      return open;
    },
  };
}

/** The calendar period (first and last day numbers) a day falls in. */
export function periodOf(
  frequency: Frequency,
  day: number,
): { start: number; end: number } {
  if (frequency === 'daily') return { start: day, end: day };
  if (frequency === 'weekly') {
    const start = day - (isoWeekday(day) - 1);
    return { start, end: start + 6 };
  }
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const firstMonth =
    frequency === 'monthly'
      ? date.getUTCMonth()
      : Math.floor(date.getUTCMonth() / 3) * 3;
  const months = frequency === 'monthly' ? 1 : 3;
  return {
    start: Date.UTC(year, firstMonth, 1) / 86_400_000,
    end: Date.UTC(year, firstMonth + months, 1) / 86_400_000 - 1,
  };
}

export interface PlanSchedule {
  readonly frequency: Frequency;
  /** No round before this date (YYYY-MM-DD). */
  readonly startsOn?: string;
}

/** One date a plan is due on, and the last day of its period. */
export interface Occurrence {
  readonly date: string;
  readonly dueBy: string;
}

/**
 * The dates in [from, to] (inclusive) on which a plan is due, in order, each
 * once. Asking for a range gives the same dates as asking day by day, so a
 * catch-up over any outage creates exactly the rounds the days would have.
 */
export function dueOccurrences(
  schedule: PlanSchedule,
  days: WorkingDays,
  from: string,
  to: string,
): Occurrence[] {
  const first = toDay(from);
  const last = toDay(to);
  const startsOn =
    schedule.startsOn === undefined
      ? Number.NEGATIVE_INFINITY
      : toDay(schedule.startsOn);
  const isWorking = (day: number) => days.isWorkingDay(formatDay(day));
  const found: Occurrence[] = [];
  // The period whose first working day has been reached in this walk.
  let claimed: number | undefined;
  for (let day = Math.max(first, startsOn); day <= last; day++) {
    const period = periodOf(schedule.frequency, day);
    if (claimed === period.start || !isWorking(day)) continue;
    claimed = period.start;
    // Days of the period before the range were not walked: was one worked?
    let earlier = false;
    for (let e = Math.max(period.start, startsOn); e < first; e++) {
      if (isWorking(e)) {
        earlier = true;
        break;
      }
    }
    if (!earlier) {
      found.push({ date: formatDay(day), dueBy: formatDay(period.end) });
    }
  }
  return found;
}

/**
 * The first date on or after `from` on which the plan is due, looking
 * `horizonDays` ahead; undefined if none. Walks day by day and stops at the
 * first date, so a date before an uncovered year is found.
 * @throws UncoveredYearError when the walk reaches a year without an official
 *   schedule before it finds a date: the date is not known until it is loaded
 */
export function nextOccurrence(
  schedule: PlanSchedule,
  days: WorkingDays,
  from: string,
  horizonDays = 100,
): Occurrence | undefined {
  const start = toDay(from);
  for (let offset = 0; offset < horizonDays; offset++) {
    const date = formatDay(start + offset);
    const [next] = dueOccurrences(schedule, days, date, date);
    if (next) return next;
  }
  return undefined;
}
