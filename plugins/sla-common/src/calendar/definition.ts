import { HoursText } from './hours';

/** Zone of a calendar that names none: the court's. */
export const DEFAULT_ZONE = 'Asia/Shanghai';

/** Open all the time (7×24); the zone does not matter. */
export interface AlwaysOpenCalendarDefinition {
  readonly id: string;
  readonly type: 'always';
  readonly description?: string;
}

/**
 * Weekly hours, optionally following China's official calendar, with the
 * court's own days on top. What decides a date's hours, first match wins:
 * 1. `specialHours` for that date (a half day, or other hours);
 * 2. `closures`: closed;
 * 3. `extraWorkingDays`: open with `workingDayHours`;
 * 4. with `followsOfficialCalendar`: a public holiday is closed, a make-up
 *    working day (调休) is open with `workingDayHours`;
 * 5. `hours` for the weekday.
 * A date may appear in only one of the court's three lists.
 */
export interface WeeklyCalendarDefinition {
  readonly id: string;
  readonly type: 'weekly';
  readonly description?: string;
  /** IANA zone the hours are read in; Asia/Shanghai by default. */
  readonly zone?: string;
  /** Hours per weekday, keyed by a day (`sat`) or a range of days (`mon-fri`). */
  readonly hours: Readonly<Record<string, readonly HoursText[]>>;
  /** Follow China's official public holidays and make-up working days. */
  readonly followsOfficialCalendar?: boolean;
  /** Hours of a make-up or extra working day; Monday's hours by default. */
  readonly workingDayHours?: readonly HoursText[];
  /** The court's own closed dates (`2026-03-10`, or `2026-03-10..2026-03-12`). */
  readonly closures?: readonly string[];
  /** The court's own extra working dates. */
  readonly extraWorkingDays?: readonly string[];
  /** Hours for particular dates or date ranges, e.g. half days. */
  readonly specialHours?: Readonly<Record<string, readonly HoursText[]>>;
}

export type CalendarDefinition =
  | AlwaysOpenCalendarDefinition
  | WeeklyCalendarDefinition;

/** Thrown for a calendar definition that cannot work. */
export class InvalidCalendarError extends Error {
  constructor(readonly calendarId: string, readonly reason: string) {
    super(`calendar '${calendarId}': ${reason}`);
    this.name = 'InvalidCalendarError';
  }
}
