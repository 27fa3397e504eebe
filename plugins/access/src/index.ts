/**
 * Court Ops Portal confidential access (SEC-1, SEC-2): the IT office's approval queue, grants
 * with their verification codes, engineers' records, and the Access tab on devices.
 *
 * @packageDocumentation
 */
export { accessPlugin as default } from './plugin';
export { entityAccessContent } from './plugin';
export { accessTranslationRef } from './translation';
