/**
 * Court Ops Portal official calendar for other backend plugins: the years
 * entered in the portal, refreshed without a restart, and an SLA engine that
 * follows them.
 *
 * @packageDocumentation
 */
export type { OfficialCalendarService } from './OfficialCalendarService';
export {
  HttpOfficialCalendar,
  officialCalendarServiceRef,
} from './OfficialCalendarService';
export { LiveSlaEngine } from './LiveSlaEngine';
