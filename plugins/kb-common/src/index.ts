/**
 * The Court Ops Portal knowledge base, shared by browser and backend: article
 * kinds and types, API request schemas, permissions, the API client and the
 * search tokeniser.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './ids';
export * from './schemas';
export * from './permissions';
export * from './search';
export * from './analysis';
export * from './text';
export type { KbApi } from './client/KbApi';
export type { KbClientOptions } from './client/KbClient';
export { KbClient } from './client/KbClient';
