/**
 * Court Ops Portal document archive backend: documents in five classes with
 * gapless numbers, immutable file versions stored in the database, filing by
 * itself, search, the quarterly volume and the DOC-3 drafts.
 *
 * @packageDocumentation
 */
export { archivePlugin as default } from './plugin';

// What the benchmarks (scripts/bench/archive-*.ts) drive directly, below the HTTP layer.
export { readArchiveConfig } from './config';
export type {
  DocumentAccess,
  NewDocument,
  NewFile,
} from './database/ArchiveStore';
export { DatabaseArchiveStore } from './database/DatabaseArchiveStore';
export { documentFilterOf } from './service/ArchiveService';
export { compileVolume } from './volume/compileVolume';
export type {
  VolumeEntry,
  VolumeGenerated,
  VolumeInput,
  VolumePart,
} from './volume/types';
