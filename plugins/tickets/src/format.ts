import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import type { AwaitedPart } from '@internal/plugin-tickets-common';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { ticketsTranslationRef } from './translation';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The part a paused ticket waits for: a stocked part with its register id, or the engineer's words. */
export function awaitedPartText(
  part: AwaitedPart,
  t: TranslationFunction<typeof ticketsTranslationRef.T>,
): string {
  return part.partTypeId
    ? t('ticket.stockedPart', { name: part.name, id: part.partTypeId })
    : t('ticket.unstockedPart', { name: part.name });
}

/** An instant as the court reads it: in its own zone, to the minute. */
export function formatInstant(at: string): string {
  return DateTime.fromISO(at, { zone: DEFAULT_ZONE }).toFormat(
    'yyyy-MM-dd HH:mm',
  );
}

/** An instant as a `datetime-local` input shows it: court time, to the minute. */
export function toLocalInput(at: string): string {
  return DateTime.fromISO(at, { zone: DEFAULT_ZONE }).toFormat(
    "yyyy-MM-dd'T'HH:mm",
  );
}

/** What a `datetime-local` input holds as an instant with the court's offset (`…T20:00:00+08:00`); undefined when incomplete. */
export function courtInstantOf(value: string): string | undefined {
  if (!value) return undefined;
  const at = DateTime.fromISO(value, { zone: DEFAULT_ZONE });
  return at.isValid
    ? at.toISO({ suppressMilliseconds: true }) ?? undefined
    : undefined;
}

/** What a `datetime-local` input holds, read as court time; undefined when incomplete. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const at = DateTime.fromISO(value, { zone: DEFAULT_ZONE });
  return at.isValid ? at.toUTC().toISO() ?? undefined : undefined;
}

/** Today's date in the court's zone, YYYY-MM-DD. */
export function courtToday(): string {
  return DateTime.now().setZone(DEFAULT_ZONE).toISODate() ?? '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Durations in the UI language: targets in hours and minutes, countdowns to the second. */
export function useDurationFormat() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  return useMemo(
    () => ({
      /** 5 min, 8 h, 1 h 30 min. */
      span(ms: number): string {
        const total = Math.round(Math.abs(ms) / MINUTE);
        const hours = Math.floor(total / 60);
        const minutes = total % 60;
        if (hours === 0) {
          return t('duration.minutes', { minutes: String(minutes) });
        }
        if (minutes === 0) return t('duration.hours', { hours: String(hours) });
        return t('duration.hoursMinutes', {
          hours: String(hours),
          minutes: String(minutes),
        });
      },
      /** 04:12, 1:04:12, 2 d 03:04:12; a leading minus once overrun. */
      countdown(ms: number): string {
        // Round towards the breach so 00:00 shows at the breach instant, not a second early.
        const seconds =
          ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(Math.abs(ms) / 1000);
        const days = Math.floor((seconds * 1000) / DAY);
        const rest = seconds - days * 86_400;
        const h = Math.floor(rest / 3600);
        const m = Math.floor((rest % 3600) / 60);
        const s = rest % 60;
        const face = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
        const time =
          days > 0
            ? t('duration.days', { days: String(days), time: face })
            : face;
        return ms < 0 ? `−${time}` : time;
      },
    }),
    [t],
  );
}

/** This calendar month in the court's zone, as the compliance report asks for it. */
export function courtMonth(): { from: string; to: string; label: string } {
  const start = DateTime.now().setZone(DEFAULT_ZONE).startOf('month');
  return {
    from: start.toISO() ?? '',
    to: start.plus({ months: 1 }).toISO() ?? '',
    label: start.toFormat('yyyy-MM'),
  };
}
