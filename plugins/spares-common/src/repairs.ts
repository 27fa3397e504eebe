import { DateTime } from 'luxon';

export const REPAIR_TERMS = ['warranty', 'paid'] as const;
export type RepairTerms = (typeof REPAIR_TERMS)[number];

export const REPAIR_RESULTS = ['repaired', 'replaced', 'unrepairable'] as const;
export type RepairResult = (typeof REPAIR_RESULTS)[number];

/** The dates of a repair the rules read (ISO dates in the court's zone). */
export interface RepairDates {
  readonly sentOn: string;
  readonly promisedOn?: string;
  readonly returnedOn?: string;
}

/** The court's date of an instant. */
export function courtDate(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toISODate()!;
}

/** Out and past its promised return date (the promised day itself is not late). */
export function isOverdue(repair: RepairDates, today: string): boolean {
  return (
    repair.returnedOn === undefined &&
    repair.promisedOn !== undefined &&
    repair.promisedOn < today
  );
}

/** Calendar days between sending and return (or today, while out). */
export function daysOut(repair: RepairDates, today: string): number {
  const end = DateTime.fromISO(repair.returnedOn ?? today, { zone: 'utc' });
  const start = DateTime.fromISO(repair.sentOn, { zone: 'utc' });
  return Math.round(end.diff(start, 'days').days);
}

/** The next instant the overdue watch looks, at `hour` o'clock in `zone`, after `now`. */
export function nextOverdueCheck(
  now: DateTime,
  zone: string,
  hour: number,
): DateTime {
  const local = now.setZone(zone);
  const today = local.startOf('day').set({ hour });
  return (today > local ? today : today.plus({ days: 1 })).toUTC();
}
