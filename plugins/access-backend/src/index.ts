/**
 * Court Ops Portal confidential access grants and engineer approval (SEC-1, SEC-2): /api/access.
 *
 * @packageDocumentation
 */

export { accessPlugin as default } from './plugin';
