/**
 * The Court Ops Portal inspections backend.
 *
 * @packageDocumentation
 */

export { inspectionsPlugin as default } from './plugin';
