import { DateTime } from 'luxon';
import { Instant, toInstant, toMillis } from '../time/instant';
import { compileWeeklyCalendar } from './compile';
import { CalendarDefinition, DEFAULT_ZONE } from './definition';
import { OfficialSchedule } from './official-schedule';
import { AlwaysOpenTimeline, Timeline } from './timeline';

/** Which years a calendar can answer for. */
export type CalendarCoverage =
  | { readonly allYears: true }
  | { readonly allYears: false; readonly years: readonly number[] };

/**
 * A business calendar: when the court (or a duty) counts time. Durations are
 * milliseconds of open time. Dates in a year its official schedule does not
 * cover throw UncoveredYearError.
 */
export class BusinessCalendar {
  /** @internal */
  constructor(
    readonly id: string,
    readonly zone: string,
    /** @internal The same calendar on epoch milliseconds. */
    readonly timeline: Timeline,
    private readonly coveredYears?: readonly number[],
  ) {}

  isOpen(t: Instant): boolean {
    return this.timeline.isOpen(toMillis(t));
  }

  /** The earliest instant ≥ t that is open (t itself when open); undefined if none within a year. */
  nextOpening(t: Instant): Instant | undefined {
    return optionalInstant(this.timeline.nextOpening(toMillis(t)));
  }

  /** The earliest instant ≥ t that is closed (t itself when closed); undefined if none within a year. */
  nextClosing(t: Instant): Instant | undefined {
    return optionalInstant(this.timeline.nextClosing(toMillis(t)));
  }

  /**
   * The instant by which `durationMs` of open time after t has passed. A
   * duration that ends exactly at a window's close ends there, not at the next
   * opening; a zero duration gives t.
   */
  addBusinessDuration(t: Instant, durationMs: number): Instant {
    return toInstant(this.timeline.add(toMillis(t), durationMs));
  }

  /** Open time in [a, b) in ms; negative when b is before a. */
  businessDurationBetween(a: Instant, b: Instant): number {
    return this.timeline.between(toMillis(a), toMillis(b));
  }

  coverage(): CalendarCoverage {
    return this.coveredYears
      ? { allYears: false, years: this.coveredYears }
      : { allYears: true };
  }

  /**
   * The years between `from` and `to` (inclusive, local to the calendar's zone)
   * that the calendar cannot answer for, so the portal can warn ahead of them.
   */
  uncoveredYears(from: Instant, to: Instant): number[] {
    const covered = this.coveredYears;
    if (!covered) {
      return [];
    }
    const [first, last] = [from, to]
      .map(t => DateTime.fromMillis(toMillis(t), { zone: this.zone }).year)
      .sort((a, b) => a - b);
    const years: number[] = [];
    for (let year = first; year <= last; year++) {
      if (!covered.includes(year)) {
        years.push(year);
      }
    }
    return years;
  }
}

function optionalInstant(millis: number | undefined): Instant | undefined {
  return millis === undefined ? undefined : toInstant(millis);
}

let defaultSchedule: OfficialSchedule | undefined;

/** China's official calendar as the `chinese-days` package has it. */
export function defaultOfficialSchedule(): OfficialSchedule {
  defaultSchedule ??= OfficialSchedule.fromChineseDays();
  return defaultSchedule;
}

/**
 * Builds a calendar from its definition.
 * @throws InvalidCalendarError when the definition cannot work.
 */
export function createBusinessCalendar(
  definition: CalendarDefinition,
  officialSchedule: OfficialSchedule = defaultOfficialSchedule(),
): BusinessCalendar {
  if (definition.type === 'always') {
    return new BusinessCalendar(
      definition.id,
      DEFAULT_ZONE,
      new AlwaysOpenTimeline(),
    );
  }
  return new BusinessCalendar(
    definition.id,
    definition.zone ?? DEFAULT_ZONE,
    compileWeeklyCalendar(definition, officialSchedule),
    definition.followsOfficialCalendar
      ? officialSchedule.coveredYears
      : undefined,
  );
}
