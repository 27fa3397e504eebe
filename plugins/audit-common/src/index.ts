/**
 * The audit trail the court can read (SEC-3), shared by browser and backend: the hash chain and
 * its verification (pure), event types, the query schema, permissions and the client.
 *
 * @packageDocumentation
 */

export * from './chain';
export * from './types';
export * from './schemas';
export * from './permissions';
export type { AuditApi, AuditClientOptions } from './client/AuditClient';
export { AuditClient } from './client/AuditClient';
