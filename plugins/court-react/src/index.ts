/**
 * The court layer every frontend family builds on.
 *
 * @packageDocumentation
 */

export * from './permissions';
