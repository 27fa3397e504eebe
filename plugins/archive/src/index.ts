/**
 * Court Ops Portal document archive: browse and search the archive by class,
 * period, system and keyword, register documents and upload new versions, and
 * the Archive tab on systems and devices.
 *
 * @packageDocumentation
 */
export { archivePlugin as default } from './plugin';
export { entityArchiveContent } from './plugin';
export { archiveApiRef } from './api';
export { archiveTranslationRef } from './translation';
export { rootRouteRef, documentRouteRef } from './routes';
