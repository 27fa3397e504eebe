/**
 * Court Ops Portal frontend for the court's catalog model.
 *
 * @packageDocumentation
 */
export { courtPlugin as default } from './plugin';
export { courtTranslationRef } from './translation';
export { useAppLanguage } from './hooks/useCourtLocations';
