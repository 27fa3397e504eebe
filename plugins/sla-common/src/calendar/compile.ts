import { Info } from 'luxon';
import { expandDateEntries, isoWeekday } from '../time/local-date';
import {
  DEFAULT_ZONE,
  InvalidCalendarError,
  WeeklyCalendarDefinition,
} from './definition';
import {
  DailyWindow,
  MINUTES_PER_DAY,
  parseHoursList,
  parseWeekdayKey,
} from './hours';
import { OfficialSchedule } from './official-schedule';
import { DayWindowTimeline } from './timeline';

/** Turns a weekly definition into a timeline; throws InvalidCalendarError. */
export function compileWeeklyCalendar(
  definition: WeeklyCalendarDefinition,
  officialSchedule: OfficialSchedule,
): DayWindowTimeline {
  const { id } = definition;
  const zone = definition.zone ?? DEFAULT_ZONE;
  const fail = (reason: string): never => {
    throw new InvalidCalendarError(id, reason);
  };
  const attempt = <T>(parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      return fail((error as Error).message);
    }
  };
  if (!Info.isValidIANAZone(zone)) {
    fail(`unknown time zone ${JSON.stringify(zone)}`);
  }

  // Index 1..7 = Monday..Sunday.
  const week: DailyWindow[][] = Array.from({ length: 8 }, () => []);
  const given = new Set<number>();
  for (const [key, texts] of Object.entries(definition.hours)) {
    const weekdays =
      parseWeekdayKey(key) ??
      fail(
        `hours key ${JSON.stringify(key)} is not a day (mon) or days (mon-fri)`,
      );
    for (const weekday of weekdays) {
      if (given.has(weekday)) {
        fail(`hours key ${JSON.stringify(key)} repeats a day given before`);
      }
      given.add(weekday);
      week[weekday] = attempt(() => parseHoursList(texts));
    }
  }
  const workingDay = definition.workingDayHours
    ? attempt(() => parseHoursList(definition.workingDayHours ?? []))
    : week[1];

  const courtDays = new Map<number, DailyWindow[]>();
  const addCourtDays = (
    entries: readonly string[],
    windows: DailyWindow[],
    list: string,
  ) => {
    for (const day of attempt(() => expandDateEntries(entries))) {
      if (courtDays.has(day)) {
        fail(`${list} repeats a date given in another list or earlier`);
      }
      courtDays.set(day, windows);
    }
  };
  for (const [dates, texts] of Object.entries(definition.specialHours ?? {})) {
    addCourtDays(
      [dates],
      attempt(() => parseHoursList(texts)),
      'specialHours',
    );
  }
  addCourtDays(definition.closures ?? [], [], 'closures');
  addCourtDays(
    definition.extraWorkingDays ?? [],
    workingDay,
    'extraWorkingDays',
  );

  const official = definition.followsOfficialCalendar === true;
  if (official && workingDay.length === 0) {
    fail('workingDayHours are needed to follow the official calendar');
  }
  if (week.every(windows => windows.length === 0)) {
    fail('hours open no day of the week');
  }

  const windowsOn = (day: number): readonly DailyWindow[] => {
    const court = courtDays.get(day);
    if (court) {
      return court;
    }
    switch (official ? officialSchedule.kindOfDay(day, id) : 'ordinary') {
      case 'holiday':
        return [];
      case 'make-up-working-day':
        return workingDay;
      default:
        return week[isoWeekday(day)];
    }
  };
  const crossesMidnight = [week, [workingDay], [...courtDays.values()]]
    .flat(2)
    .some(window => window.to > MINUTES_PER_DAY);
  return new DayWindowTimeline(id, zone, windowsOn, crossesMidnight);
}
