/**
 * The court layer every frontend family builds on.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './apis';
export * from './entities';
export * from './translation';
export * from './errors';
export * from './fields';
export * from './loading';
