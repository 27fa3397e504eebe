import type {
  ArchiveDocument,
  DocumentClass,
  DocumentMetadata,
  DocumentVersion,
  FileKind,
} from '@internal/plugin-archive-common';

/** A document to register: its metadata, who and when, and for a filing its source. */
export interface NewDocument extends DocumentMetadata {
  readonly id: string;
  readonly createdBy: string;
  /** ISO instant, UTC. */
  readonly createdAt: string;
  readonly sourceKey?: string;
}

/** A file to keep as a document's next version. */
export interface NewFile {
  readonly fileName: string;
  readonly kind: FileKind;
  readonly content: Uint8Array;
  readonly sha256: string;
  readonly pages?: number;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly note?: string;
  /** A retried request with the same key gets the version it made the first time. */
  readonly requestKey?: string;
}

/**
 * Who may see what: everything (the IT office, the portal's own calls), or
 * public documents and the restricted ones one registered or is a named reader of.
 */
export type DocumentAccess =
  | { readonly all: true }
  | { readonly all: false; readonly reader?: string };

export interface DocumentFilter {
  readonly access: DocumentAccess;
  readonly classes?: readonly DocumentClass[];
  readonly subClass?: string;
  readonly from?: string;
  readonly to?: string;
  readonly system?: string;
  readonly entity?: string;
  /** Search terms (kb-common's `queryTerms`) and how many must match. */
  readonly search?: {
    readonly text: string;
    readonly terms: readonly string[];
    readonly minimumMatch: number;
  };
  readonly limit: number;
  readonly cursor?: string;
}

export interface StoredPage {
  readonly items: readonly ArchiveDocument[];
  readonly nextCursor?: string;
}

/** The metadata an edit may change; null removes an optional field. */
export type DocumentPatch = Partial<
  Omit<DocumentMetadata, 'documentClass' | 'subClass' | 'retentionYears'>
> & {
  readonly subClass?: string | null;
  readonly retentionYears?: number | null;
};

/**
 * Where documents and their files are kept. The database store keeps the
 * files' bytes in the database; a court that outgrows it implements this
 * interface over object storage for `content` (docs/archive.md).
 */
export interface ArchiveStore {
  /**
   * Registers a document under the next number of its class and the year of
   * its date, with its first file if given, in one transaction. With a
   * `sourceKey` already filed: that document and `created: false`.
   */
  createDocument(
    document: NewDocument,
    firstFile?: NewFile,
  ): Promise<{ document: ArchiveDocument; created: boolean }>;
  getDocument(id: string): Promise<ArchiveDocument | undefined>;
  getBySourceKey(sourceKey: string): Promise<ArchiveDocument | undefined>;
  /** Which of these source keys are filed already. */
  filedSourceKeys(sourceKeys: readonly string[]): Promise<Set<string>>;
  listDocuments(filter: DocumentFilter): Promise<StoredPage>;
  /** ConflictError when `revision` is not the current one; NotFoundError when gone. */
  updateDocument(
    id: string,
    revision: number,
    patch: DocumentPatch,
    at: string,
  ): Promise<ArchiveDocument>;
  /** Adds the next version; a `requestKey` seen before returns its version, `created: false`. */
  addVersion(
    documentId: string,
    file: NewFile,
  ): Promise<{ version: DocumentVersion; created: boolean }>;
  /** The version a request key made, if it made one. */
  versionOfRequest(
    documentId: string,
    requestKey: string,
  ): Promise<DocumentVersion | undefined>;
  readFile(
    documentId: string,
    version: number,
  ): Promise<{ version: DocumentVersion; content: Buffer } | undefined>;
}
