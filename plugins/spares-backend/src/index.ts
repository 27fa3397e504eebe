/**
 * Spare parts and third-party repairs backend (issue #20).
 *
 * @packageDocumentation
 */
export { sparesPlugin as default } from './plugin';
