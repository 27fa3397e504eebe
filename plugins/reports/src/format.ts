import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';

/** A percentage with one decimal, or undefined when there is nothing to divide. */
export const formatPercent = (value?: number) =>
  value === undefined ? undefined : `${value.toFixed(1)}%`;

/** Work minutes as hours with one decimal. */
export const formatHours = (minutes: number) => (minutes / 60).toFixed(1);

/** A duration as h:mm (a response of 25 minutes is 0:25; a resolution of 30 hours 30:00). */
export function formatDuration(ms?: number): string | undefined {
  if (ms === undefined) return undefined;
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An instant in Beijing time, as the court reads it. */
export const formatInstant = (instant: string) =>
  DateTime.fromISO(instant).setZone(DEFAULT_ZONE).toFormat('yyyy-MM-dd HH:mm');

/** The difference to the previous period with its sign; one decimal unless whole. */
export function formatDelta(current?: number, previous?: number) {
  if (current === undefined || previous === undefined) return undefined;
  const delta = Math.round((current - previous) * 10) / 10;
  const text = Number.isInteger(delta) ? String(delta) : delta.toFixed(1);
  return delta > 0 ? `+${text}` : text;
}
