/**
 * Calendar dates (`YYYY-MM-DD`, no zone) as day numbers: whole days since
 * 1970-01-01. Day numbers make "the next day" plain integer arithmetic.
 */

export const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of month of a day number (proleptic Gregorian). */
export function dateParts(dayNumber: number): {
  year: number;
  month: number;
  day: number;
} {
  // Plain arithmetic (H. Hinnant's civil_from_days): this runs for every
  // instant the engine formats, and a Date object per call costs more.
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a `YYYY-MM-DD` date, or undefined if it is not a real date. */
export function parseLocalDate(text: string): number | undefined {
  const match = LOCAL_DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The `YYYY-MM-DD` text of a day number. */
export function formatLocalDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // Day 0, 1970-01-01, was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * A date entry as written in config: one date (`2026-02-13`) or an inclusive
 * range (`2026-02-15..2026-02-23`), as the State Council's notices list them.
 * Returns the first and last day numbers, or undefined if malformed.
 */
export function parseDateEntry(entry: string): [number, number] | undefined {
  const [from, to, extra] = entry.split('..');
  if (extra !== undefined) {
    return undefined;
  }
  const first = parseLocalDate(from);
  const last = to === undefined ? first : parseLocalDate(to);
  if (first === undefined || last === undefined || last < first) {
    return undefined;
  }
  return [first, last];
}

/** Every day number named by a list of date entries. */
export function expandDateEntries(entries: readonly string[]): number[] {
  return entries.flatMap(entry => {
    const range = parseDateEntry(entry);
    if (!range) {
      throw new RangeError(
        `not a date (YYYY-MM-DD) or date range (YYYY-MM-DD..YYYY-MM-DD): ${JSON.stringify(
          entry,
        )}`,
      );
    }
    const days: number[] = [];
    for (let day = range[0]; day <= range[1]; day++) {
      days.push(day);
    }
    return days;
  });
}
