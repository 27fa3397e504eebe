/**
 * Spare parts and third-party repairs (issue #20): stock as a fold over
 * movements, the fit rule, repair dates, schemas, permissions and the client.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './stock';
export * from './fit';
export * from './repairs';
export * from './types';
export * from './schemas';
export * from './client/SparesClient';
