/**
 * Court Ops Portal duty (DUTY-1, DUTY-2, SLA-3), shared by browser and backend: the config and
 * its contract defaults, shift and roster types, roster generation and rules, who is on call at
 * an instant, permissions, API schemas and client. Pure: no I/O.
 *
 * @packageDocumentation
 */

export * from './config';
export * from './types';
export * from './roster';
export * from './postDuty';
export * from './permissions';
export * from './schemas';
export type { DutyApi } from './client/DutyClient';
export { DutyClient } from './client/DutyClient';
export * from './majorEvents';
