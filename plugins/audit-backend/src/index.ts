/**
 * Court Ops Portal the audit trail the court can read: every auditor event stored, hash-chained, verified (SEC-3).
 *
 * @packageDocumentation
 */

export { auditPlugin as default } from './plugin';
export { DatabaseAuditStore, sha256 } from './database/DatabaseAuditStore';
export type { EventFilter } from './database/DatabaseAuditStore';
