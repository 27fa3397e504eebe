/**
 * Court Ops Portal spare parts and third-party repairs: the store page, the
 * repairs page and the Spares tab on devices.
 *
 * @packageDocumentation
 */
export { sparesPlugin as default } from './plugin';
export { entitySparesContent } from './plugin';
export { sparesApiRef } from './api';
export { sparesTranslationRef } from './translation';
export { rootRouteRef, repairsRouteRef } from './routes';
