import type { DocumentClass } from './classes';

export type DocumentSource = 'contractor' | 'court' | 'vendor' | 'other';
export const DOCUMENT_SOURCES: readonly DocumentSource[] = [
  'contractor',
  'court',
  'vendor',
  'other',
];

/** `public`: anyone in the court; `restricted`: the IT office and the named readers. */
export type Confidentiality = 'public' | 'restricted';
export const CONFIDENTIALITIES: readonly Confidentiality[] = [
  'public',
  'restricted',
];

/** What a file is, by its content (never its name). */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';
export const FILE_KINDS: readonly FileKind[] = [
  'pdf',
  'docx',
  'xlsx',
  'png',
  'jpeg',
];

export const MEDIA_TYPES: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** One version of a document's file. A file never changes: a new upload is a new version. */
export interface DocumentVersion {
  readonly version: number;
  readonly fileName: string;
  readonly kind: FileKind;
  readonly bytes: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  /** Pages, for a PDF. */
  readonly pages?: number;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly note?: string;
}

export interface ArchiveDocument {
  readonly id: string;
  /** YW-2026-0001 */
  readonly number: string;
  readonly title: string;
  readonly documentClass: DocumentClass;
  readonly subClass?: string;
  /** The document's own date (ISO date, court zone). */
  readonly date: string;
  readonly source: DocumentSource;
  readonly systemRefs: readonly string[];
  readonly entityRefs: readonly string[];
  /** Ticket and change numbers (INC-2026-00042, CHG-2026-00007). */
  readonly ticketNumbers: readonly string[];
  readonly confidentiality: Confidentiality;
  /** User entity refs who may read a restricted document besides the IT office. */
  readonly readers: readonly string[];
  /** Years to keep it; absent = permanently (永久). */
  readonly retentionYears?: number;
  /**
   * Set when the portal filed it by itself: `report:<id>`, `change:<number>`,
   * `inspections:<yyyy-mm>`, `volume:<yyyy>-Q<n>`. Unique: each is filed exactly once.
   */
  readonly sourceKey?: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic concurrency for metadata edits. */
  readonly revision: number;
  readonly versions: readonly DocumentVersion[];
}

/** A quarter of a year, as the bound volume names it. */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export interface VolumeResult {
  readonly documentId: string;
  readonly number: string;
  readonly version: number;
  readonly pages: number;
  readonly bytes: number;
  readonly sha256: string;
  /** Where the portal shows it: /archive/documents/<id>. */
  readonly url: string;
}
