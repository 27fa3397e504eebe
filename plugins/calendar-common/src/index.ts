/**
 * Court Ops Portal official calendar, shared by browser and backend: a year's
 * official schedule as the court IT office enters it, its validation, the
 * year preview, permissions and the API client. Pure: no I/O but the client.
 *
 * @packageDocumentation
 */
export type { HolidayBreak, MakeUpWorkingDay, YearSchedule } from './schedule';
export {
  dayNumber,
  formatDayNumber,
  saveYearRequestSchema,
  toOfficialYearSchedule,
  weekdayOf,
  yearScheduleSchema,
} from './schedule';
export type {
  PreviewDay,
  PreviewDayKind,
  PreviewMonth,
  YearPreview,
} from './preview';
export { yearPreview } from './preview';
export {
  calendarPermissions,
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
  calendarWarningReadPermission,
} from './permissions';
export type {
  CalendarStatus,
  CoveredYear,
  CoveredYears,
  EnteredSchedules,
  EnteredYear,
  SaveYearRequest,
  ScheduleSource,
  YearVersionInfo,
} from './types';
export type {
  CalendarApi,
  CalendarClientOptions,
} from './client/CalendarClient';
export { CalendarClient } from './client/CalendarClient';
