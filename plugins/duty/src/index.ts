/**
 * Court Ops Portal duty: the month's roster by post, my shifts, leave,
 * check-in on the phone, today's duty board (home card and wall display),
 * the personal calendar feed.
 *
 * @packageDocumentation
 */
export { dutyPlugin as default } from './plugin';
export { dutyApiRef } from './api';
export { dutyTranslationRef } from './translation';
export { boardRouteRef, checkInRouteRef, rootRouteRef } from './routes';
