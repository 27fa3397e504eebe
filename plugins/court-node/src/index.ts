/**
 * The court layer every backend family builds on.
 *
 * @packageDocumentation
 */

export * from './clock';
export * from './layer';
export * from './outbox';
export * from './access';
export * from './cache';
export * from './database';
