/**
 * Calendar dates (`YYYY-MM-DD`, no zone) as day numbers (whole days since
 * 1970-01-01), so "the next day" and periods are plain integer arithmetic.
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day number of a `YYYY-MM-DD` date; undefined if it is not a real date. */
export function dayNumber(date: string): number | undefined {
  if (!LOCAL_DATE.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return undefined;
  const day = ms / DAY_MS;
  // Date.parse rolls 2026-02-30 over to March; a real date round-trips.
  return formatDay(day) === date ? day : undefined;
}

/** `dayNumber` for dates already validated; throws on a malformed one. */
export function toDay(date: string): number {
  const day = dayNumber(date);
  if (day === undefined) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return day;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDay(toDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // Day 0, 1970-01-01, was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = toDay(from); day <= toDay(to); day++) {
    dates.push(formatDay(day));
  }
  return dates;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/** First and last day of a month written `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  return {
    first: `${month}-01`,
    last: formatDay(Date.UTC(year, monthNumber, 1) / DAY_MS - 1),
  };
}
