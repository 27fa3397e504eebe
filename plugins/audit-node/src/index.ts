/**
 * The audit trail for every backend plugin (SEC-3): the auditor service that stores each event as
 * well as logging it, and the root-scoped sink the audit plugin writes from.
 *
 * @packageDocumentation
 */

export { AuditSink } from './AuditSink';
export type { AuditWriter, OpenAuditEvent } from './AuditSink';
export {
  auditSinkServiceRef,
  courtAuditorServiceFactory,
  CourtAuditorService,
} from './courtAuditor';
export { auditQueueConfigSchema, readAuditQueueConfig } from './config';
export type { AuditQueueConfig } from './config';
export { ACTOR_META_KEY, recordOf } from './records';
export type { LoggedAuditorEvent } from './records';
export {
  auditRoutes,
  routeAuditModule,
  routeAuditModules,
  UNAUDITED_ROUTES,
} from './routeAudit';
