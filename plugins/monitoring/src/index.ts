/**
 * Court Ops Portal monitoring: the status board of every system (and its wall
 * mode), the Monitoring tab on systems and devices, and the desk's home card of
 * open alerts.
 *
 * @packageDocumentation
 */
export { monitoringPlugin as default } from './plugin';
export { entityMonitoringContent } from './plugin';
export { monitoringApiRef } from './api';
export { monitoringTranslationRef } from './translation';
export { rootRouteRef, wallRouteRef } from './routes';
