/**
 * Court Ops Portal confidential access grants and engineer approval (SEC-1, SEC-2), shared by
 * browser and backend: grant scopes and lifecycle, the verification code, engineers' records and
 * "may be assigned", API schemas, permissions and client.
 *
 * @packageDocumentation
 */

export * from './grants';
export * from './engineers';
export * from './permissions';
export * from './schemas';
export * from './types';
export type { AccessApi } from './client/AccessClient';
export { AccessClient } from './client/AccessClient';
