/**
 * SLA engine of the Court Ops Portal: business calendars with China's official
 * holidays and make-up working days, the contract's L1–L4 policies, and clocks
 * computed from a ticket's events. Pure TypeScript: no I/O.
 *
 * Instants are ISO 8601 strings (returned in UTC); durations are milliseconds.
 *
 * @packageDocumentation
 */

export type { Instant } from './time/instant';
export { InvalidInstantError } from './time/instant';

export type { HoursText, Weekday } from './calendar/hours';
export type {
  AlwaysOpenCalendarDefinition,
  CalendarDefinition,
  WeeklyCalendarDefinition,
} from './calendar/definition';
export { DEFAULT_ZONE, InvalidCalendarError } from './calendar/definition';
export type {
  NamedOfficialDate,
  OfficialDayKind,
  OfficialYearSchedule,
} from './calendar/official-schedule';
export {
  chineseDaysYear,
  mergeOfficialYears,
  OfficialSchedule,
  UncoveredYearError,
} from './calendar/official-schedule';
export type { CalendarCoverage } from './calendar/business-calendar';
export {
  BusinessCalendar,
  createBusinessCalendar,
} from './calendar/business-calendar';
export { CalendarSet } from './calendar/calendar-set';
export { defaultCalendars } from './calendar/defaults';

export type {
  ClockName,
  ClockRule,
  ClockStart,
  ClockTarget,
  Impact,
  LevelRules,
  OutsideHoursTarget,
  PriorityLevel,
  PriorityMatrix,
  SlaPolicy,
  Urgency,
} from './policy/types';
export {
  CLOCK_NAMES,
  compareClocks,
  IMPACTS,
  PRIORITY_LEVELS,
  URGENCIES,
} from './policy/types';
export { defaultContractPolicy } from './policy/contract';
export { levelOf, raiseLevel } from './policy/level';
export type { ConfigIssue, SlaConfig } from './policy/config';
export {
  defaultSlaConfig,
  parseSlaConfig,
  SlaConfigError,
} from './policy/config';

export type { PauseReason, TicketEvent, TicketEventType } from './clock/events';
export { InvalidEventSequenceError, PAUSE_REASONS } from './clock/events';
export type {
  ClockState,
  ClockStatus,
  SlaWarning,
  TicketClocks,
  TicketStatus,
} from './clock/result';
export type { SlaTicket } from './clock/compute';
export { SlaEngine } from './engine';
