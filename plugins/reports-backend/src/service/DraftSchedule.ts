import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CancelWakeUp, CourtClock } from '@internal/plugin-court-node';
import {
  periodOf,
  previousPeriod,
  ReportDraft,
  ReportPeriod,
} from '@internal/plugin-reports-common';
import {
  OfficialSchedule,
  UncoveredYearError,
} from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';

/** The hour, in the court's zone, at which drafts are prepared. */
const DRAFT_HOUR = 8;
/** After a failure (a family not answering), try again this much later. */
const RETRY = { minutes: 5 };

/** A draft that is due: what to prepare, and from when. */
export interface DueDraft {
  readonly kind: ReportDraft['kind'];
  readonly period: ReportPeriod;
  readonly at: DateTime;
}

/** Whether the official calendar makes `date` a working day. */
export function isWorkingDay(schedule: OfficialSchedule, date: DateTime) {
  const kind = schedule.dayKind(date.toISODate()!);
  return (
    kind === 'make-up-working-day' || (kind === 'ordinary' && date.weekday <= 5)
  );
}

/** The month's first working day (official calendar) at 08:00 in `zone`. */
export function firstWorkingDayAt(
  schedule: OfficialSchedule,
  month: DateTime,
): DateTime {
  let day = month.startOf('month');
  while (!isWorkingDay(schedule, day)) day = day.plus({ days: 1 });
  return day.set({ hour: DRAFT_HOUR });
}

/**
 * The month's first working day at 08:00, or undefined when the official calendar does not
 * cover its year yet (the calendar page warns about that; weekly drafts go on).
 */
function monthDraftAt(
  schedule: OfficialSchedule,
  month: DateTime,
): DateTime | undefined {
  try {
    return firstWorkingDayAt(schedule, month);
  } catch (error) {
    if (error instanceof UncoveredYearError) return undefined;
    throw error;
  }
}

/**
 * The latest weekly and monthly drafts due at `now`: the previous week from this week's
 * Monday 08:00, the previous month from this month's first working day 08:00 (or, before
 * that, the month before's, which a backend down on that day still owes).
 */
export function dueDrafts(
  schedule: OfficialSchedule,
  now: DateTime,
  zone: string,
): DueDraft[] {
  const local = now.setZone(zone);
  let monday = local.startOf('week').set({ hour: DRAFT_HOUR });
  if (monday > local) monday = monday.minus({ weeks: 1 });
  let month = monthDraftAt(schedule, local);
  if (month && month > local) {
    month = monthDraftAt(schedule, local.minus({ months: 1 }));
  }
  const before = (day: DateTime, kind: 'week' | 'month') =>
    previousPeriod(periodOf(kind, day.toISODate()!), kind);
  return [
    { kind: 'week', period: before(monday, 'week'), at: monday },
    ...(month
      ? [{ kind: 'month' as const, period: before(month, 'month'), at: month }]
      : []),
  ];
}

/** The next instant after `now` at which a draft falls due. */
export function nextDraftAt(
  schedule: OfficialSchedule,
  now: DateTime,
  zone: string,
): DateTime {
  const local = now.setZone(zone);
  let monday = local.startOf('week').set({ hour: DRAFT_HOUR });
  if (monday <= local) monday = monday.plus({ weeks: 1 });
  let month = monthDraftAt(schedule, local);
  if (month && month <= local) {
    month = monthDraftAt(schedule, local.plus({ months: 1 }));
  }
  return month && month < monday ? month : monday;
}

/**
 * Prepares the drafts on the court clock: at start whatever is due and missing (a restart or a
 * stop over the hour loses nothing), then at each due instant. A draft is stored once per
 * period whichever replica gets there first, and only the one that stored it notifies.
 */
export class DraftSchedule {
  private cancel?: CancelWakeUp;
  private stopped = false;

  constructor(
    private readonly deps: {
      clock: CourtClock;
      zone: string;
      /** The official calendar in effect now (years entered in the portal included). */
      schedule: () => Promise<OfficialSchedule>;
      prepare: (
        kind: DueDraft['kind'],
        period: ReportPeriod,
      ) => Promise<boolean>;
      notifications: NotificationService;
      recipients: readonly string[];
      logger: LoggerService;
    },
  ) {}

  start() {
    this.arm(this.deps.clock.now());
  }

  stop() {
    this.stopped = true;
    this.cancel?.();
  }

  private arm(at: DateTime) {
    if (this.stopped) return;
    this.cancel = this.deps.clock.wakeAt(at, () => this.run());
  }

  /** Prepares what is due now, then sleeps until the next instant. */
  async run(): Promise<void> {
    const { clock, zone, logger } = this.deps;
    const now = clock.now();
    try {
      const schedule = await this.deps.schedule();
      for (const due of dueDrafts(schedule, now, zone)) {
        if (await this.deps.prepare(due.kind, due.period)) {
          await this.notify(due);
        }
      }
      this.arm(nextDraftAt(schedule, now, zone));
    } catch (error) {
      logger.warn(
        `report drafts not prepared at ${now.toISO()}: ${error}; trying again in ${
          RETRY.minutes
        } minutes`,
      );
      this.arm(now.plus(RETRY));
    }
  }

  private async notify(due: DueDraft) {
    const { recipients, notifications } = this.deps;
    if (recipients.length === 0) return;
    const { from, to } = due.period;
    const what = due.kind === 'week' ? '周报' : '月报';
    const whatEn = due.kind === 'week' ? 'weekly' : 'monthly';
    await notifications.send({
      recipients: { type: 'entity', entityRef: [...recipients] },
      payload: {
        title: `${what}草稿已生成 ${from}–${to} · The ${whatEn} report draft of ${from}..${to} is ready`,
        description: `请核对数字后签发。Check the figures and issue the report.`,
        link: `/reports?kind=${due.kind}&from=${from}&to=${to}`,
        severity: 'normal',
        topic: 'service-reports',
        scope: `reports:draft:${due.kind}:${from}`,
      },
    });
  }
}
