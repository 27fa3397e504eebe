/**
 * Court Ops Portal inspections: today's rounds, a round runner for phones,
 * coverage, asset label sheets, the Inspections tab on systems and devices,
 * and the "Today's rounds" home card.
 *
 * @packageDocumentation
 */
export {
  inspectionsPlugin as default,
  entityInspectionsContent,
} from './plugin';
export { inspectionsApiRef } from './api';
export { inspectionsTranslationRef } from './translation';
export { roundRouteRef, rootRouteRef, scanRouteRef } from './routes';
