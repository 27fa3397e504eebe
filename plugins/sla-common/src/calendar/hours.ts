/**
 * Opening hours as written in config: `08:30-12:00`. An end before the start
 * means the window runs past midnight (`18:30-07:30`, phone duty); `24:00`
 * is the end of the day. Windows belong to the date on which they open.
 */
export type HoursText = string;

/** A window in minutes after local midnight; `to` above 1440 ends the next day. */
export interface DailyWindow {
  readonly from: number;
  readonly to: number;
}

export const MINUTES_PER_DAY = 1440;

const HOURS = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** The window written as `HH:MM-HH:MM`, or undefined if malformed. */
export function parseHours(text: string): DailyWindow | undefined {
  const match = HOURS.exec(text);
  if (!match) {
    return undefined;
  }
  const [fromHour, fromMinute, toHour, toMinute] = match.slice(1).map(Number);
  const from = fromHour * 60 + fromMinute;
  const to = toHour * 60 + toMinute;
  const validTime = (hour: number, minute: number, allowEndOfDay: boolean) =>
    (hour < 24 && minute < 60) ||
    (allowEndOfDay && hour === 24 && minute === 0);
  if (
    !validTime(fromHour, fromMinute, false) ||
    !validTime(toHour, toMinute, true) ||
    from === to
  ) {
    return undefined;
  }
  return { from, to: to > from ? to : to + MINUTES_PER_DAY };
}

/** Parses a list of hours, throwing on the first malformed one. */
export function parseHoursList(texts: readonly HoursText[]): DailyWindow[] {
  return texts.map(text => {
    const window = parseHours(text);
    if (!window) {
      throw new RangeError(
        `not opening hours HH:MM-HH:MM (e.g. 08:30-12:00, 18:30-07:30): ${JSON.stringify(
          text,
        )}`,
      );
    }
    return window;
  });
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: readonly Weekday[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];

/**
 * The ISO weekdays (1 = Monday) named by a key of a week's hours: one day
 * (`sat`) or a range (`mon-fri`, `mon-sun`); undefined if malformed.
 */
export function parseWeekdayKey(key: string): number[] | undefined {
  const [first, last = first, extra] = key
    .split('-')
    .map(name => (WEEKDAYS as readonly string[]).indexOf(name) + 1);
  if (extra !== undefined || !(first > 0) || !(last >= first)) {
    return undefined;
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
