import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import type { Instant } from '@internal/plugin-sla-common';
import type { IsoDate, PeriodWindow } from '../period';

/** A period window read once: instants as epoch milliseconds, and its days. */
export interface WindowRange {
  readonly startMs: number;
  readonly endMs: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function windowRange(window: PeriodWindow): WindowRange {
  const startMs = Date.parse(window.start);
  const endMs = Date.parse(window.end);
  const zone = { zone: DEFAULT_ZONE };
  return {
    startMs,
    endMs,
    from: window.from ?? DateTime.fromMillis(startMs, zone).toISODate()!,
    to: window.to ?? DateTime.fromMillis(endMs - 1, zone).toISODate()!,
  };
}

/** Whether an instant falls in the window (start included, end excluded). */
export function within(
  range: WindowRange,
  instant: Instant | undefined,
): boolean {
  if (instant === undefined) return false;
  const ms = Date.parse(instant);
  return ms >= range.startMs && ms < range.endMs;
}

/** Whether an instant is before the window's end (so it had happened when the period ended). */
export function beforeEnd(
  range: WindowRange,
  instant: Instant | undefined,
): boolean {
  return instant !== undefined && Date.parse(instant) < range.endMs;
}

/** Whether a day (in the court's zone) is one of the period's days. */
export function onDayOf(range: WindowRange, date: IsoDate): boolean {
  return date >= range.from && date <= range.to;
}
