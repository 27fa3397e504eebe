import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
  calendarWarningReadPermission,
  CalendarStatus,
  CoveredYear,
  CoveredYears,
  dayNumber,
  EnteredSchedules,
  EnteredYear,
  formatDayNumber,
  HolidayBreak,
  saveYearRequestSchema,
  toOfficialYearSchedule,
  YearSchedule,
} from '@internal/plugin-calendar-common';
import {
  chineseDaysYear,
  NamedOfficialDate,
  OfficialSchedule,
} from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';
import { CalendarConfig } from '../config';
import {
  DatabaseCalendarStore,
  StoredYearVersion,
} from '../database/DatabaseCalendarStore';

/** The package's years, computed once: its data does not change at run time. */
const PACKAGE_YEARS = OfficialSchedule.fromChineseDays().coveredYears;

/** Consecutive dates of one name as one break: 春节 2026-02-15..2026-02-23. */
function breaksOf(dates: readonly NamedOfficialDate[]): HolidayBreak[] {
  const breaks: HolidayBreak[] = [];
  for (const { date, name } of dates) {
    const last = breaks[breaks.length - 1];
    if (
      last &&
      last.name === name &&
      dayNumber(last.end)! + 1 === dayNumber(date)
    ) {
      breaks[breaks.length - 1] = { ...last, end: date };
    } else {
      breaks.push({ name, start: date, end: date });
    }
  }
  return breaks;
}

const entered = (versions: readonly StoredYearVersion[]): EnteredYear => {
  const [latest, ...rest] = versions;
  const { schedule, ...latestInfo } = latest;
  return {
    schedule,
    latest: latestInfo,
    history: [latest, ...rest].map(
      ({ schedule: _s, ...versionInfo }) => versionInfo,
    ),
  };
};

/**
 * The official schedules: which years are covered and from where, the years
 * the court IT office enters, and whether next year is missing.
 */
export class CalendarService {
  constructor(
    private readonly deps: {
      store: DatabaseCalendarStore;
      permissions: PermissionsService;
      config: CalendarConfig;
      /** The injectable "now", so tests name their instant. */
      now: () => Date;
    },
  ) {}

  /** Today in the court's zone. */
  today(): string {
    return DateTime.fromJSDate(this.deps.now())
      .setZone(this.deps.config.zone)
      .toISODate()!;
  }

  async listYears(caller: BackstageCredentials): Promise<CoveredYears> {
    await this.require(calendarScheduleReadPermission, caller);
    const [latest, revision] = await Promise.all([
      this.deps.store.latestVersions(),
      this.deps.store.revision(),
    ]);
    const byYear = new Map<number, CoveredYear>();
    for (const year of PACKAGE_YEARS) {
      byYear.set(year, { year, source: 'chinese-days' });
    }
    for (const { year } of this.deps.config.configuredYears) {
      byYear.set(year, { year, source: 'config' });
    }
    for (const { schedule, ...latestInfo } of latest) {
      byYear.set(schedule.year, {
        year: schedule.year,
        source: 'portal',
        latest: latestInfo,
      });
    }
    return {
      years: [...byYear.values()].sort((a, b) => b.year - a.year),
      revision,
    };
  }

  /** @throws NotFoundError for a year not entered in the portal */
  async getYear(
    year: number,
    caller: BackstageCredentials,
  ): Promise<EnteredYear> {
    await this.require(calendarScheduleReadPermission, caller);
    const versions = await this.deps.store.history(year);
    if (versions.length === 0) {
      throw new NotFoundError(
        `year: ${year} has not been entered in the portal`,
      );
    }
    return entered(versions);
  }

  /**
   * A year from config or the package in the form's shape, to look at or to
   * start a correction from.
   * @throws NotFoundError for a year neither has
   */
  async builtInYear(
    year: number,
    caller: BackstageCredentials,
  ): Promise<YearSchedule> {
    await this.require(calendarScheduleReadPermission, caller);
    const configured = this.deps.config.configuredYears.find(
      y => y.year === year,
    );
    if (configured) {
      // Config lists dates without names; each entry is named by its dates.
      return {
        year,
        holidays: configured.holidays.map(entry => {
          const [start, end = start] = entry.split('..');
          return { name: entry, start, end };
        }),
        makeUpWorkingDays: configured.makeUpWorkingDays.flatMap(entry => {
          const [start, end = start] = entry.split('..');
          const days: { date: string }[] = [];
          for (let d = dayNumber(start)!; d <= dayNumber(end)!; d++) {
            days.push({ date: formatDayNumber(d) });
          }
          return days;
        }),
      };
    }
    const data = chineseDaysYear(year);
    if (!data) {
      throw new NotFoundError(
        `year: ${year} is neither in sla.officialSchedules nor in the chinese-days data`,
      );
    }
    return {
      year,
      holidays: breaksOf(data.holidays),
      makeUpWorkingDays: data.makeUpWorkingDays.map(({ date, name }) => ({
        date,
        name,
      })),
    };
  }

  /**
   * Saves a new version of `year` from a request body: permission first,
   * then validation (InputError naming the field), then the save.
   */
  async saveYear(
    year: number,
    body: unknown,
    caller: BackstageCredentials<{ userEntityRef: string }>,
  ): Promise<EnteredYear> {
    await this.require(calendarScheduleUpdatePermission, caller);
    const parsed = saveYearRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw new InputError(
        parsed.error.issues
          .map(
            i => `${['body', ...i.path.map(String)].join('.')}: ${i.message}`,
          )
          .join('; '),
      );
    }
    const request = parsed.data;
    if (request.schedule.year !== year) {
      throw new InputError(
        `body.schedule.year: ${request.schedule.year} does not match the year ${year} in the path`,
      );
    }
    const { store } = this.deps;
    await store.save({
      schedule: request.schedule,
      expectedVersion: request.expectedVersion,
      comment: request.comment,
      actor: caller.principal.userEntityRef,
      at: this.deps.now().toISOString(),
    });
    return entered(await store.history(request.schedule.year));
  }

  /** The portal's years in the engine's form, for the other backends. */
  async enteredSchedules(
    caller: BackstageCredentials,
  ): Promise<EnteredSchedules> {
    await this.require(calendarScheduleReadPermission, caller);
    const [latest, revision] = await Promise.all([
      this.deps.store.latestVersions(),
      this.deps.store.revision(),
    ]);
    return {
      revision,
      schedules: latest.map(v => toOfficialYearSchedule(v.schedule)),
    };
  }

  async revision(caller: BackstageCredentials): Promise<number> {
    await this.require(calendarScheduleReadPermission, caller);
    return this.deps.store.revision();
  }

  async status(caller: BackstageCredentials): Promise<CalendarStatus> {
    await this.require(calendarWarningReadPermission, caller);
    return this.currentStatus();
  }

  /** Whether to warn, without a caller: for the warning task. */
  async currentStatus(): Promise<CalendarStatus> {
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    const portalYears = (await this.deps.store.latestVersions()).map(
      v => v.schedule.year,
    );
    const covered = new Set([
      ...PACKAGE_YEARS,
      ...this.deps.config.configuredYears.map(y => y.year),
      ...portalYears,
    ]);
    const warnFrom = `${thisYear}-${this.deps.config.warnFrom}`;
    const thisYearCovered = covered.has(thisYear);
    const nextYearCovered = covered.has(thisYear + 1);
    let missingYear: number | undefined;
    if (!thisYearCovered) missingYear = thisYear;
    else if (!nextYearCovered && today >= warnFrom) missingYear = thisYear + 1;
    return {
      today,
      nextYear: thisYear + 1,
      nextYearCovered,
      thisYearCovered,
      warnFrom,
      warning: missingYear !== undefined,
      ...(missingYear !== undefined ? { missingYear } : {}),
    };
  }

  /** Permission first: a caller without it gets 403 before any input is read. */
  async require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`you may not use ${permission.name}`);
    }
  }
}
