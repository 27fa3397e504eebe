/**
 * Court Ops Portal document archive backend: documents in five classes with
 * gapless numbers, immutable file versions stored in the database, filing by
 * itself, search, the quarterly volume and the DOC-3 drafts.
 *
 * @packageDocumentation
 */
export { archivePlugin as default } from './plugin';
