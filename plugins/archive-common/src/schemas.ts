import { z } from 'zod';
import { DateTime } from 'luxon';
import {
  entityRefSchema,
  multiLineText,
  singleLineString,
  singleLineText,
} from '@internal/plugin-court-common';
import { DOCUMENT_CLASSES, DocumentClass } from './classes';
import {
  CONFIDENTIALITIES,
  Confidentiality,
  DOCUMENT_SOURCES,
  DocumentSource,
} from './types';

/**
 * Request schemas of the archive API, shared by the backend (validation) and
 * the browser (forms). Every body schema is strict: an unknown field is an
 * error. Rules that need configuration or the clock (sub-classes, a date in
 * the future, an ended quarter) are the backend's.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(value => DateTime.fromISO(value).isValid, 'is not a calendar date');

/** Distinct values, in the order given. */
const distinct = <T>(values: T[]) => [...new Set(values)];

export const documentClassSchema = z.enum(
  DOCUMENT_CLASSES as readonly [DocumentClass, ...DocumentClass[]],
);

/** A sub-class name (运维手册, 来函 …); which ones a class has is configuration. */
export const subClassSchema = singleLineText().min(1).max(60);

const ticketNumber = singleLineText().regex(
  /^[A-Z]{2,4}-\d{4}-\d{5,}$/,
  'is not a ticket or change number',
);

/** Lists without defaults, so an edit that leaves one out keeps it. */
const lists = {
  systemRefs: z
    .array(entityRefSchema(['system']))
    .max(50)
    .transform(distinct),
  entityRefs: z
    .array(entityRefSchema(['resource', 'component']))
    .max(200)
    .transform(distinct),
  ticketNumbers: z.array(ticketNumber).max(200).transform(distinct),
  readers: z
    .array(entityRefSchema(['user']))
    .max(100)
    .transform(distinct),
};

const metadataShape = {
  title: singleLineText().min(1, 'is required').max(300),
  documentClass: documentClassSchema,
  subClass: subClassSchema.optional(),
  date: isoDate,
  source: z.enum(
    DOCUMENT_SOURCES as readonly [DocumentSource, ...DocumentSource[]],
  ),
  systemRefs: lists.systemRefs.default([]),
  entityRefs: lists.entityRefs.default([]),
  ticketNumbers: lists.ticketNumbers.default([]),
  confidentiality: z.enum(
    CONFIDENTIALITIES as readonly [Confidentiality, ...Confidentiality[]],
  ),
  readers: lists.readers.default([]),
  retentionYears: z.number().int().min(1).max(100).optional(),
};

/** `POST /documents`: a document registered without a file (versions follow). */
export const createDocumentSchema = z.strictObject(metadataShape);
export type CreateDocumentRequest = z.input<typeof createDocumentSchema>;
export type DocumentMetadata = z.output<typeof createDocumentSchema>;

/**
 * `PATCH /documents/:id`: the fields to change, with the revision read; null
 * removes an optional one. The class is not among them: the number says it.
 */
export const updateDocumentSchema = z.strictObject({
  title: metadataShape.title.optional(),
  subClass: metadataShape.subClass.nullable(),
  date: metadataShape.date.optional(),
  source: metadataShape.source.optional(),
  systemRefs: lists.systemRefs.optional(),
  entityRefs: lists.entityRefs.optional(),
  ticketNumbers: lists.ticketNumbers.optional(),
  confidentiality: metadataShape.confidentiality.optional(),
  readers: lists.readers.optional(),
  retentionYears: metadataShape.retentionYears.nullable(),
  revision: z.number().int().min(1),
});
export type UpdateDocumentRequest = z.output<typeof updateDocumentSchema>;

/** A query-string value given once or repeated (`class=om&class=other`), or comma separated. */
function listOf<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : [v])
        .flatMap(s => s.split(','))
        .filter(s => s !== ''),
    )
    .pipe(z.array(item).max(20));
}

/** `GET /documents`: filters, a keyword search, a page. */
export const listDocumentsQuerySchema = z.strictObject({
  class: listOf(documentClassSchema).optional(),
  subClass: subClassSchema.optional(),
  /** Document dates, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Linked to this system, or to a device or application of it. */
  system: entityRefSchema(['system']).optional(),
  /** Linked to this device or application. */
  entity: entityRefSchema(['resource', 'component']).optional(),
  q: singleLineText().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: singleLineString().min(1).max(200).optional(),
});
export type ListDocumentsQuery = z.input<typeof listDocumentsQuerySchema>;
export type DocumentSearch = z.output<typeof listDocumentsQuerySchema>;

/** The headers of a file upload (`POST /documents/:id/versions`). */
export const uploadHeadersSchema = z.object({
  /** URI-encoded, so a Chinese name survives an HTTP header. */
  'x-file-name': singleLineString()
    .min(1, 'is required')
    .max(600)
    .transform((value, ctx) => {
      try {
        return decodeURIComponent(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not URI-encoded' });
        return z.NEVER;
      }
    })
    .pipe(singleLineText().min(1, 'is required').max(200)),
  'x-note': singleLineString()
    .max(1500)
    .transform((value, ctx) => {
      try {
        return decodeURIComponent(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not URI-encoded' });
        return z.NEVER;
      }
    })
    .pipe(multiLineText().max(500))
    .optional(),
});

/** The DOC-3 drafts: a work plan, a work summary, the weekly and the monthly report. */
export type DraftKind = 'work-plan' | 'work-summary' | 'weekly' | 'monthly';
export const DRAFT_KINDS: readonly DraftKind[] = [
  'work-plan',
  'work-summary',
  'weekly',
  'monthly',
];

/** `POST /volumes`: the quarterly bound volume. */
export const compileVolumeSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  classes: z
    .array(documentClassSchema)
    .min(1)
    .max(5)
    .transform(distinct)
    .optional(),
  dryRun: z.boolean().default(false),
  /** The scaffolder task id: the same key never adds a second version. */
  requestKey: singleLineString().min(1).max(200).optional(),
});
export type CompileVolumeRequest = z.input<typeof compileVolumeSchema>;
export type VolumeRequest = z.output<typeof compileVolumeSchema>;

/**
 * `POST /drafts`: a DOC-3 Word draft prefilled with the period's figures (the
 * backend's drafts check the period against the kind).
 */
export interface CreateDraftRequest {
  readonly kind: DraftKind;
  readonly from: string;
  readonly to: string;
  /** The scaffolder task id: a retry finds the draft its first attempt made. */
  readonly requestKey?: string;
}

/** Is the document's date after today in the court's zone? Then why not. */
export function futureDateProblem(
  date: string,
  now: DateTime,
  zone: string,
): string | undefined {
  const today = now.setZone(zone).toISODate();
  return today !== null && date > today
    ? `is in the future (today is ${today})`
    : undefined;
}
