/**
 * The Court Ops Portal service desk, shared by browser and backend: the ticket
 * family's types and lifecycle, API request schemas, permissions and client.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './lifecycle';
export * from './schemas';
export * from './permissions';
export * from './numbers';
export * from './liveClock';
export type { TicketsApi } from './client/TicketsApi';
export type { TicketsClientOptions } from './client/TicketsClient';
export { TicketsClient } from './client/TicketsClient';
