import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import type { Instant } from '@internal/plugin-sla-common';
import type { IsoDate, PeriodWindow } from '../period';

/** A period window read once: instants as epoch milliseconds, and its days. */
export interface WindowRange {
  readonly startMs: number;
  readonly endMs: number;
  /** `start` and `end` in the canonical form, for comparing canonical instants as text. */
  readonly startText: string;
  readonly endText: string;
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
    startText: DateTime.fromMillis(startMs, { zone: 'utc' }).toISO()!,
    endText: DateTime.fromMillis(endMs, { zone: 'utc' }).toISO()!,
    from: window.from ?? DateTime.fromMillis(startMs, zone).toISODate()!,
    to: window.to ?? DateTime.fromMillis(endMs - 1, zone).toISODate()!,
  };
}

// The tickets store writes instants as `2026-11-03T01:00:00.000Z`, which order as text; comparing
// them so spares a parse per comparison on a quarter's facts. Any other form is parsed.
const CANONICAL_LENGTH = '2026-11-03T01:00:00.000Z'.length;
const isCanonical = (instant: Instant) =>
  instant.length === CANONICAL_LENGTH &&
  instant.endsWith('Z') &&
  instant[10] === 'T';

/** Compares an instant with one of the window's bounds: negative before it, 0 at it, positive after. */
function compareWith(instant: Instant, text: string, ms: number): number {
  if (isCanonical(instant)) {
    if (instant < text) return -1;
    return instant > text ? 1 : 0;
  }
  return Date.parse(instant) - ms;
}

/** Whether an instant falls in the window (start included, end excluded). */
export function within(
  range: WindowRange,
  instant: Instant | undefined,
): boolean {
  return (
    instant !== undefined &&
    compareWith(instant, range.startText, range.startMs) >= 0 &&
    compareWith(instant, range.endText, range.endMs) < 0
  );
}

/** Whether an instant is before the window's end (so it had happened when the period ended). */
export function beforeEnd(
  range: WindowRange,
  instant: Instant | undefined,
): boolean {
  return (
    instant !== undefined &&
    compareWith(instant, range.endText, range.endMs) < 0
  );
}

/** Whether a day (in the court's zone) is one of the period's days. */
export function onDayOf(range: WindowRange, date: IsoDate): boolean {
  return date >= range.from && date <= range.to;
}
