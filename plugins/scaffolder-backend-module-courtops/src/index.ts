/**
 * Scaffolder actions of the Court Ops Portal: `courtops:change:create` files
 * a change request (or registers an emergency change) in the tickets family.
 *
 * @packageDocumentation
 */
export { scaffolderModuleCourtOps as default } from './module';
export { createChangeAction } from './actions/createChange';
