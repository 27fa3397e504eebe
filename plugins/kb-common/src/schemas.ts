import { z } from 'zod';
import {
  entityRefSchema,
  multiLineString,
  multiLineText,
  singleLineText,
} from '@internal/plugin-court-common';
import { parseArticleId } from './ids';
import {
  ARTICLE_KINDS,
  ARTICLE_LANGUAGES,
  ARTICLE_VISIBILITIES,
  ArticleKind,
} from './types';

/**
 * Request schemas of the knowledge base API, shared by the backend
 * (validation) and the browser (the editor). Every schema is strict: an
 * unknown field is an error.
 */

export { entityRefSchema };

/** What an article can apply to: systems, devices and applications. */
export const ARTICLE_ENTITY_KINDS = ['system', 'resource', 'component'];
const articleEntityRef = entityRefSchema(ARTICLE_ENTITY_KINDS);
const ownerRef = entityRefSchema(['user', 'group']);

const ticketNumber = singleLineText().regex(/^[A-Z]{2,4}-\d{4}-\d{5,}$/, 'is not a ticket number');

/** KB-00042, in any case, normalised to upper case. */
export const articleIdSchema = singleLineText()
  .refine(id => parseArticleId(id) !== undefined, 'is not an article id')
  .transform(id => id.toUpperCase());

// Text hygiene (court-common): Markdown keeps tabs and line breaks, as given.
const markdown = (max: number) => multiLineString().max(max);
const section = markdown(20_000);
const version = z.number().int().min(1);

const knownErrorSchema = z
  .object({
    symptom: section.trim().min(1, 'is required'),
    cause: section.trim().min(1, 'is required'),
    workaround: section.trim().min(1, 'is required'),
    fix: section.default(''),
  })
  .strict();

/** Distinct values, in the order given. */
const distinct = <T>(values: T[]) => [...new Set(values)];

const contentShape = {
  kind: z.enum(ARTICLE_KINDS as readonly [ArticleKind, ...ArticleKind[]]),
  title: singleLineText().min(1, 'is required').max(200),
  body: markdown(100_000).default(''),
  knownError: knownErrorSchema.optional(),
  tags: z
    .array(singleLineText().min(1).max(40))
    .max(20)
    .default([])
    .transform(distinct),
  language: z.enum(ARTICLE_LANGUAGES).default('zh'),
  entityRefs: z.array(articleEntityRef).max(50).default([]).transform(distinct),
  ticketRefs: z.array(ticketNumber).max(50).default([]).transform(distinct),
  /** Defaults to the author. */
  owner: ownerRef.optional(),
  /** Defaults to internal: only the O&M team reads what is not marked public. */
  visibility: z.enum(ARTICLE_VISIBILITIES).default('internal'),
};

/** A known error has its four parts; no other kind has them. */
function knownErrorMatchesKind(
  body: { kind: ArticleKind; knownError?: unknown },
  ctx: z.RefinementCtx,
) {
  if (body.kind === 'known-error' && body.knownError === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['knownError'],
      message: 'is required for a known error',
    });
  }
  if (body.kind !== 'known-error' && body.knownError !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['knownError'],
      message: 'only a known error has these parts',
    });
  }
}

export const createArticleRequestSchema = z
  .object(contentShape)
  .strict()
  .superRefine(knownErrorMatchesKind);
export type CreateArticleRequest = z.input<typeof createArticleRequestSchema>;
export type ParsedArticleRequest = z.output<typeof createArticleRequestSchema>;

/** A save: the whole article as edited, with the version the editor read. */
export const updateArticleRequestSchema = z
  .object({ ...contentShape, version })
  .strict()
  .superRefine(knownErrorMatchesKind);
export type UpdateArticleRequest = z.input<typeof updateArticleRequestSchema>;

/** Bring back an earlier version, as a new version on top of `version`. */
export const restoreArticleRequestSchema = z
  .object({ version, from: version })
  .strict();
export type RestoreArticleRequest = z.input<typeof restoreArticleRequestSchema>;

/** A query-string list: `kind=faq&kind=how-to` or `kind=faq,how-to`. */
function listOf<T extends string>(values: readonly T[]) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : [v])
        .flatMap(s => s.split(','))
        .filter(s => s !== ''),
    )
    .pipe(z.array(z.enum(values as readonly [T, ...T[]])).max(10));
}

/** One entity or several (`entity=a&entity=b`): articles linked to any of them. */
const entityList = z
  .union([articleEntityRef, z.array(articleEntityRef).max(20)])
  .transform(v => (Array.isArray(v) ? v : [v]));

export const searchArticlesQuerySchema = z
  .object({
    /** Words or Chinese text; without it, the most recently updated first. */
    q: singleLineText().min(1).max(200).optional(),
    kind: listOf(ARTICLE_KINDS).optional(),
    entity: entityList.optional(),
    language: z.enum(ARTICLE_LANGUAGES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type SearchArticlesQuery = z.input<typeof searchArticlesQuerySchema>;
export type ArticleSearch = z.output<typeof searchArticlesQuerySchema>;

/** While a ticket is being filed: its text so far and the entities chosen. */
export const suggestionsQuerySchema = z
  .object({
    text: multiLineText().max(2_000).default(''),
    entity: entityList.default([]),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();
export type SuggestionsQuery = z.input<typeof suggestionsQuerySchema>;

export const diffQuerySchema = z
  .object({
    from: z.coerce.number().int().min(1),
    to: z.coerce.number().int().min(1),
  })
  .strict();
export type DiffQuery = z.input<typeof diffQuerySchema>;

/** The search collator's walk through every article, by id. */
export const exportQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ExportQuery = z.input<typeof exportQuerySchema>;

/** A problem's root cause, made a known error in one step (PRB-1). */
export const knownErrorFromTicketRequestSchema = z
  .object({
    ticket: ticketNumber,
    cause: section.trim().min(1, 'is required'),
    workaround: section.trim().min(1, 'is required'),
    /** Defaults to the problem's resolution, when it has one. */
    fix: section.trim().optional(),
    visibility: z.enum(ARTICLE_VISIBILITIES).default('internal'),
  })
  .strict();
export type KnownErrorFromTicketRequest = z.input<
  typeof knownErrorFromTicketRequestSchema
>;
