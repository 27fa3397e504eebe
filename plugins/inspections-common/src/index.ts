/**
 * Court Ops Portal inspections, shared by browser and backend: checklist
 * templates and typed results, plan schedules on the working-day calendar,
 * walking routes, coverage maths, permissions, API schemas and client.
 * Pure: no I/O.
 *
 * @packageDocumentation
 */

export * from './dates';
export * from './templates';
export * from './results';
export * from './schedule';
export * from './route';
export * from './plans';
export * from './coverage';
export * from './permissions';
export * from './schemas';
export * from './types';
export type { InspectionsApi } from './client/InspectionsApi';
export type { InspectionsClientOptions } from './client/InspectionsClient';
export { InspectionsClient } from './client/InspectionsClient';
