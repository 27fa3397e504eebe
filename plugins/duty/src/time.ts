import { DateTime } from 'luxon';

/*
 * The browser has no clock of its own here: "now" is the instant the duty backend answers with
 * (its court clock), read in the court's zone, so the page and the rules agree on the day.
 */

/** The local date (YYYY-MM-DD) of an instant in the court's zone. */
export function dateIn(instant: string, zone: string): string {
  return (
    DateTime.fromISO(instant, { zone }).toISODate() ?? instant.slice(0, 10)
  );
}

/** The month (YYYY-MM) of an instant in the court's zone. */
export function monthIn(instant: string, zone: string): string {
  return dateIn(instant, zone).slice(0, 7);
}

/** The month `count` months after `month` (YYYY-MM); negative goes back. */
export function plusMonths(month: string, count: number): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'utc' })
    .plus({ months: count })
    .toFormat('yyyy-MM');
}

/** The time of day (HH:mm) of an instant in the court's zone. */
export function timeIn(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).toFormat('HH:mm');
}
