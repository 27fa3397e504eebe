import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Instant } from '@internal/plugin-sla-common';

/** The kinds of report the contract asks for (RPT-2), and any period the court asks about. */
export type ReportKind = 'week' | 'month' | 'quarter' | 'custom';

export const REPORT_KINDS: readonly ReportKind[] = [
  'week',
  'month',
  'quarter',
  'custom',
];

/** The longest period a report covers. */
export const MAX_PERIOD_DAYS = 400;

/** An ISO calendar date, `2026-11-01`, read in the court's zone. */
export type IsoDate = string;

/**
 * A report's period: whole days, `from` and `to` both included, in the court's zone
 * (Asia/Shanghai by default). November 2026 is `{ from: '2026-11-01', to: '2026-11-30' }`.
 */
export interface ReportPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The instants a period covers: `start` included, `end` excluded, both in UTC. */
export interface PeriodWindow {
  readonly start: Instant;
  readonly end: Instant;
  /**
   * The period's first and last day in the court's zone, for facts dated by day (work logs).
   * `periodWindow` sets them; a window without them is read in Asia/Shanghai.
   */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(value => DateTime.fromISO(value).isValid, 'not a calendar date');

/**
 * A period as a query gives it. The rules that need no clock are checked here; `checkPeriod`
 * adds the one that does (not in the future).
 */
export const reportPeriodSchema = z
  .object({ from: isoDate, to: isoDate })
  .superRefine((period, ctx) => {
    const from = DateTime.fromISO(period.from, { zone: 'utc' });
    const to = DateTime.fromISO(period.to, { zone: 'utc' });
    if (!from.isValid || !to.isValid) return;
    if (to < from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `ends before it starts (${period.from})`,
      });
    } else if (to.diff(from, 'days').days + 1 > MAX_PERIOD_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a period covers at most ${MAX_PERIOD_DAYS} days`,
      });
    }
  });

/** The instants of a period's days in `zone`. */
export function periodWindow(period: ReportPeriod, zone: string): PeriodWindow {
  const start = DateTime.fromISO(period.from, { zone }).startOf('day');
  const end = DateTime.fromISO(period.to, { zone })
    .plus({ days: 1 })
    .startOf('day');
  return {
    start: start.toUTC().toISO()!,
    end: end.toUTC().toISO()!,
    from: start.toISODate()!,
    to: end.minus({ days: 1 }).toISODate()!,
  };
}

/**
 * Why a period cannot be reported at `now`, or undefined: its last day has not ended yet in
 * `zone` (a report counts what happened, so a period must be over).
 */
export function futurePeriodProblem(
  period: ReportPeriod,
  now: DateTime,
  zone: string,
): string | undefined {
  const { end } = periodWindow(period, zone);
  if (DateTime.fromISO(end) > now) {
    return `the period has not ended yet (it ends ${period.to} in ${zone})`;
  }
  return undefined;
}

const PERIOD_STEP = {
  week: { weeks: 1 },
  month: { months: 1 },
  quarter: { months: 3 },
} as const;

/**
 * The period each figure is compared with: the previous week, month or quarter; for a custom
 * period, the same number of days just before it.
 */
export function previousPeriod(
  period: ReportPeriod,
  kind: ReportKind,
): ReportPeriod {
  const from = DateTime.fromISO(period.from, { zone: 'utc' });
  const to = DateTime.fromISO(period.to, { zone: 'utc' });
  const step =
    kind === 'custom'
      ? { days: to.diff(from, 'days').days + 1 }
      : PERIOD_STEP[kind];
  return {
    from: from.minus(step).toISODate()!,
    to: from.minus({ days: 1 }).toISODate()!,
  };
}

/** The week (Monday–Sunday), month or quarter that contains `date`. */
export function periodOf(
  kind: Exclude<ReportKind, 'custom'>,
  date: IsoDate,
): ReportPeriod {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return {
    from: day.startOf(kind).toISODate()!,
    to: day.endOf(kind).toISODate()!,
  };
}
