import { createPermission } from '@backstage/plugin-permission-common';

/** Browse, search and download public documents (and restricted ones one is a named reader of). */
export const archiveReadPermission = createPermission({
  name: 'archive.document.read',
  attributes: { action: 'read' },
});

/** Read every restricted document: the court IT office. */
export const archiveRestrictedReadPermission = createPermission({
  name: 'archive.document.read-restricted',
  attributes: { action: 'read' },
});

/** Register documents and upload new versions of their files. */
export const archiveCreatePermission = createPermission({
  name: 'archive.document.create',
  attributes: { action: 'create' },
});

/** Compile the quarterly bound volume and the DOC-3 drafts (the ops manager). */
export const archiveVolumeCompilePermission = createPermission({
  name: 'archive.volume.compile',
  attributes: { action: 'create' },
});

export const archivePermissions = [
  archiveReadPermission,
  archiveRestrictedReadPermission,
  archiveCreatePermission,
  archiveVolumeCompilePermission,
];
