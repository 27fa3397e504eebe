/**
 * The knowledge-base article permission resource for permission policies and
 * other backend plugins: its rule ("has visibility") and the conditions a
 * policy builds from it.
 *
 * @packageDocumentation
 */

export * from './permissions';
