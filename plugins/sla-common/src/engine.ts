import { CalendarSet } from './calendar/calendar-set';
import { OfficialSchedule } from './calendar/official-schedule';
import { computeTicketClocks, SlaTicket } from './clock/compute';
import { TicketClocks } from './clock/result';
import { unknownCalendarProblems } from './policy/check';
import { defaultSlaConfig, SlaConfig } from './policy/config';
import { SlaPolicy } from './policy/types';
import { Instant } from './time/instant';

/**
 * The SLA engine for one configuration: its calendars and policy versions,
 * and the clocks of tickets. Pure: no I/O, no clock of its own.
 */
export class SlaEngine {
  readonly officialSchedule: OfficialSchedule;
  readonly calendars: CalendarSet;

  /** @throws for a configuration that names unknown calendars or holds bad ones. */
  constructor(readonly config: SlaConfig = defaultSlaConfig) {
    this.officialSchedule = OfficialSchedule.fromChineseDays(
      config.officialSchedules,
    );
    this.calendars = new CalendarSet(config.calendars, this.officialSchedule);
    for (const policy of config.policies) {
      const [problem] = unknownCalendarProblems(policy, this.calendars.ids);
      if (problem) {
        throw new RangeError(
          `policy '${policy.id}' version ${policy.version}: ${problem.path.join(
            '.',
          )}: ${problem.message}`,
        );
      }
    }
    this.activePolicy();
  }

  /** A policy version, e.g. the one frozen on a ticket. */
  policy(id: string, version: number): SlaPolicy {
    const policy = this.config.policies.find(
      p => p.id === id && p.version === version,
    );
    if (!policy) {
      throw new RangeError(`no policy '${id}' version ${version}`);
    }
    return policy;
  }

  /** The policy a new ticket gets: the highest version of the active policy. */
  activePolicy(): SlaPolicy {
    const versions = this.config.policies.filter(
      p => p.id === this.config.activePolicy,
    );
    if (versions.length === 0) {
      throw new RangeError(`no policy '${this.config.activePolicy}'`);
    }
    return versions.reduce((a, b) => (b.version > a.version ? b : a));
  }

  /**
   * A ticket's clocks as of `now` (which must not be before its last event).
   * @throws InvalidEventSequenceError, UncoveredYearError
   */
  computeClocks(ticket: SlaTicket, now: Instant): TicketClocks {
    return computeTicketClocks(ticket, this.calendars, now);
  }

  /**
   * The earliest instant after `now` at which any of the tickets reaches a
   * warning or a breach if nothing else happens; undefined if none will. A
   * scheduler sleeps until then, and again after every new event.
   */
  nextWakeUp(tickets: Iterable<SlaTicket>, now: Instant): Instant | undefined {
    let earliest: Instant | undefined;
    for (const ticket of tickets) {
      const wakeUp = this.computeClocks(ticket, now).nextWakeUp;
      if (
        wakeUp !== undefined &&
        (earliest === undefined || wakeUp < earliest)
      ) {
        earliest = wakeUp;
      }
    }
    return earliest;
  }
}
