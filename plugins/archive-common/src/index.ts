/**
 * Court Ops Portal document archive, shared by browser and backend: the five document classes and
 * their numbers, document and file types, permissions, API schemas and client.
 *
 * @packageDocumentation
 */

export * from './classes';
export * from './types';
export * from './permissions';
export * from './drafts';
export * from './schemas';
export * from './fileKind';
export type {
  ArchiveApi,
  ArchiveClientOptions,
  DocumentPage,
  VolumePlan,
} from './client/ArchiveClient';
export { ArchiveClient } from './client/ArchiveClient';
