/**
 * Court Ops Portal official calendar backend: years of the State Council's
 * holiday notice entered in the portal, their sources and versions, and the
 * warning before next year is missing.
 *
 * @packageDocumentation
 */
export { calendarPlugin as default } from './plugin';
