/**
 * The Court Ops Portal service desk, shared by browser and backend: the ticket
 * family's types and lifecycles (desk tickets and changes), the change rules
 * (risk, windows, freezes, parameter register), API request schemas,
 * permissions and client.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './lifecycle';
export * from './schemas';
export * from './permissions';
export * from './numbers';
export * from './liveClock';
export * from './notificationFacts';
export * from './changes/model';
export * from './changes/lifecycle';
export * from './changes/risk';
export * from './changes/windows';
export * from './changes/parameters';
export * from './changes/schemas';
export * from './changes/step';
export type { TicketsApi } from './client/TicketsApi';
export type { TicketsClientOptions } from './client/TicketsClient';
export { TicketsClient } from './client/TicketsClient';
