/**
 * Court Ops Portal official calendar: the page where the court IT office
 * enters a year's official schedule with a preview of the year, and the home
 * banner while a year is missing.
 *
 * @packageDocumentation
 */
export { calendarPlugin as default } from './plugin';
export { calendarApiRef } from './api';
export { calendarTranslationRef } from './translation';
export { rootRouteRef } from './routes';
export { MissingYearBanner } from './components/MissingYearBanner';
