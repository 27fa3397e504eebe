import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Every string of the archive, in English; Chinese lives in translations/zh.ts. */
export const archiveMessages = {
  page: {
    title: 'Archive',
    document: 'Archived document',
    backToArchive: 'Back to the archive',
  },
  class: {
    om: 'O&M documents',
    project: 'Project documents',
    quality: 'Quality management',
    'service-report': 'Service reports',
    other: 'Other',
  },
  source: {
    contractor: 'Contractor',
    court: 'Court',
    vendor: 'Vendor',
    other: 'Other',
  },
  confidentiality: {
    public: 'Public in the court',
    restricted: 'Restricted',
  },
  field: {
    number: 'Number',
    title: 'Title',
    documentClass: 'Class',
    subClass: 'Sub-class',
    date: 'Date',
    source: 'Source',
    systemRefs: 'Systems',
    entityRefs: 'Devices and applications',
    ticketNumbers: 'Tickets and changes',
    confidentiality: 'Confidentiality',
    readers: 'Readers',
    retentionYears: 'Retention (years)',
    file: 'File',
    latestVersion: 'Latest version',
    createdBy: 'Registered by',
    filedFrom: 'Filed by the portal from',
  },
  browse: {
    all: 'All',
    search: 'Search the archive',
    searchHelp: 'Number, title, sub-class or ticket number; Chinese or English',
    from: 'From',
    to: 'To',
    system: 'System',
    subClass: 'Sub-class',
    register: 'Register document',
    empty: 'No documents match.',
    more: 'Show more',
    noVersion: 'No file yet',
    version: 'v{{version}}',
  },
  register: {
    title: 'Register a document',
    subClassHelp: 'One of the sub-classes the court configured for the class',
    ticketNumbersHelp:
      'Ticket and change numbers separated by commas, e.g. INC-2026-00042, CHG-2026-00007',
    readersHelp: 'Who may read it besides the court IT office',
    retentionHelp: 'Empty: kept permanently',
    fileHelp: 'PDF, Word, Excel, PNG or JPEG; the type is checked by content',
    submit: 'Register',
    cancel: 'Cancel',
    invalid: 'Check the fields marked in red.',
    required: 'Required',
    failed: 'Could not register: {{message}}',
    uploadFailed:
      'The document {{number}} was registered but its file was refused: {{message}}',
  },
  document: {
    notFound: 'There is no such document, or it is not for you to read.',
    metadata: 'Document',
    related: 'Related',
    versions: 'Versions',
    noVersions: 'No file uploaded yet.',
    version: 'Version',
    fileName: 'File',
    size: 'Size',
    sha256: 'SHA-256',
    uploadedBy: 'Uploaded by',
    uploadedAt: 'Uploaded',
    note: 'Note',
    download: 'Download',
    permanent: 'Permanently',
    years: '{{years}} years',
    none: 'None',
  },
  upload: {
    button: 'Upload new version',
    title: 'Upload a new version',
    note: 'Note',
    submit: 'Upload',
    cancel: 'Cancel',
    failed: 'Could not upload: {{message}}',
  },
  entity: {
    tab: 'Archive',
    empty: 'No archived documents about this.',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type ArchiveMessageKey = MessageKey<typeof archiveMessages>;

export const archiveTranslationRef = createTranslationRef({
  id: 'archive',
  messages: archiveMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
