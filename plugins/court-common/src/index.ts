/**
 * The court's catalog model, shared by the catalog module (validation) and the frontend (display),
 * and what every family's API client shares (isomorphic).
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './deviceClasses';
export * from './locations';
export * from './deviceFacts';
export * from './warranty';
export * from './config';
export * from './text';
export * from './entityRefs';
export * from './client';
