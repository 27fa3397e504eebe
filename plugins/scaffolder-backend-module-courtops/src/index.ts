/**
 * Scaffolder actions of the Court Ops Portal: `courtops:change:create` files
 * a change request (or registers an emergency change) in the tickets family;
 * `courtops:archive:compile-volume` and `courtops:archive:draft` compile the
 * quarterly volume and the DOC-3 drafts in the archive.
 *
 * @packageDocumentation
 */
export { scaffolderModuleCourtOps as default } from './module';
export { createChangeAction } from './actions/createChange';
export { compileVolumeAction } from './actions/compileVolume';
export { createDraftAction } from './actions/createDraft';
