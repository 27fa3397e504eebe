/**
 * Court Ops Portal service reports: the report page (period and scope, headline figures, charts,
 * tables with drill-down to the tickets counted), issuing and acknowledging reports.
 *
 * @packageDocumentation
 */
export { reportsPlugin as default } from './plugin';
export { reportsApiRef } from './api';
export { reportsTranslationRef } from './translation';
export { rootRouteRef } from './routes';
