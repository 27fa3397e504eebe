import { InputError } from '@backstage/errors';
import { DRAFT_KINDS, DraftKind } from '@internal/plugin-archive-common';
import {
  periodOf,
  ReportKind,
  ReportPeriod,
  reportPeriodSchema,
} from '@internal/plugin-reports-common';
import { DateTime } from 'luxon';
import { z } from 'zod';

export type { DraftKind };
export { DRAFT_KINDS };

/** How each draft is named in the archive: its heading and the sub-class it is filed under. */
export const DRAFT_TITLES: Readonly<Record<DraftKind, string>> = {
  'work-plan': '工作计划',
  'work-summary': '工作总结',
  weekly: '周报',
  monthly: '月报',
};

/**
 * `POST /drafts`. `requestKey` (the scaffolder task's id) makes a retried request find the
 * draft its first attempt made instead of making a second one.
 */
export const draftRequestSchema = z
  .object({
    kind: z.enum(DRAFT_KINDS as [DraftKind, ...DraftKind[]]),
    requestKey: z.string().min(1).max(200).optional(),
  })
  .and(reportPeriodSchema);
export type DraftRequest = z.output<typeof draftRequestSchema>;

/** The drafts that report one whole week or month, and the report kind of their figures. */
const WHOLE_PERIODS: Partial<Record<DraftKind, 'week' | 'month'>> = {
  weekly: 'week',
  monthly: 'month',
};

/**
 * The period whose figures fill the draft, and the report kind the reports API computes them
 * for. A plan looks ahead, so it shows the period of the same length just before it; the
 * others report their own period, which must be over.
 */
export function figuresPeriodOf(
  request: Pick<DraftRequest, 'kind' | 'from' | 'to'>,
  today: DateTime,
): { period: ReportPeriod; reportKind: ReportKind } {
  const period = { from: request.from, to: request.to };
  // A week or month report covers exactly one Monday–Sunday week or calendar month.
  const unit = WHOLE_PERIODS[request.kind];
  const whole = unit && periodOf(unit, request.from);
  if (whole && (whole.from !== period.from || whole.to !== period.to)) {
    throw new InputError(
      `body.to: a ${request.kind} draft covers ${whole.from} to ${whole.to}`,
    );
  }
  const todayIso = today.toISODate()!;
  if (request.kind === 'work-plan') {
    const days =
      DateTime.fromISO(period.to, { zone: 'utc' }).diff(
        DateTime.fromISO(period.from, { zone: 'utc' }),
        'days',
      ).days + 1;
    const before = DateTime.fromISO(period.from, { zone: 'utc' });
    const previous = {
      from: before.minus({ days }).toISODate()!,
      to: before.minus({ days: 1 }).toISODate()!,
    };
    if (previous.to >= todayIso) {
      throw new InputError(
        `body.from: a plan starts after the period it looks back on has ended (after ${previous.to})`,
      );
    }
    return { period: previous, reportKind: 'custom' };
  }
  if (period.to >= todayIso) {
    throw new InputError(
      `body.to: the period has not ended yet (it ends ${period.to})`,
    );
  }
  return {
    period,
    reportKind: WHOLE_PERIODS[request.kind] ?? 'custom',
  };
}
