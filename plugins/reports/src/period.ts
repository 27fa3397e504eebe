import {
  periodOf,
  type ReportKind,
  type ReportPeriod,
} from '@internal/plugin-reports-common';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';

/** The period the page opens on: last month in Beijing, the report the court receives most. */
export function defaultPeriod(now: DateTime = DateTime.now()): ReportPeriod {
  const lastMonth = now.setZone(DEFAULT_ZONE).minus({ months: 1 });
  return periodOf('month', lastMonth.toISODate()!);
}

/**
 * This month so far in Beijing: its first day to yesterday, as figures may only cover days that
 * have ended. On the 1st nothing of the month has ended, so it is the whole previous month.
 */
export function monthSoFar(now: DateTime = DateTime.now()): ReportPeriod {
  const yesterday = now.setZone(DEFAULT_ZONE).minus({ days: 1 });
  return { from: yesterday.startOf('month').toISODate()!, to: yesterday.toISODate()! };
}

/** The week, month or quarter containing `day`; a custom period keeps what was typed. */
export function periodFor(
  kind: ReportKind,
  day: string,
  custom: ReportPeriod,
): ReportPeriod {
  return kind === 'custom' ? custom : periodOf(kind, day);
}

/** The period before or after, of the same kind (a custom one moves by its own length). */
export function stepPeriod(
  kind: ReportKind,
  period: ReportPeriod,
  step: 1 | -1,
): ReportPeriod {
  const from = DateTime.fromISO(period.from, { zone: 'utc' });
  const to = DateTime.fromISO(period.to, { zone: 'utc' });
  if (kind === 'custom') {
    const days = { days: step * (to.diff(from, 'days').days + 1) };
    return {
      from: from.plus(days).toISODate()!,
      to: to.plus(days).toISODate()!,
    };
  }
  const months = { week: 0, month: 1, quarter: 3 }[kind];
  const unit = months === 0 ? { weeks: step } : { months: months * step };
  return periodOf(kind, from.plus(unit).toISODate()!);
}
