/**
 * Court Ops Portal audit trail: the court IT office's audit page (filters, records, Excel export,
 * the chain's integrity).
 *
 * @packageDocumentation
 */
export { auditPlugin as default } from './plugin';
export { auditApiRef } from './api';
export { auditTranslationRef } from './translation';
export { rootRouteRef } from './routes';
