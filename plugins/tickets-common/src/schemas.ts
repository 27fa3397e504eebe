import { z } from 'zod';
import { multiLineText, singleLineText } from '@internal/plugin-court-common';
import { IMPACTS, PAUSE_REASONS, URGENCIES } from '@internal/plugin-sla-common';
import {
  CALL_BACK_OUTCOMES,
  DESK_TICKET_TYPES,
  SERVICE_REQUEST_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_LINK_RELATIONS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from './types';
import { PRIORITY_LEVELS } from '@internal/plugin-sla-common';
import {
  booleanFlag,
  cursor,
  description,
  entityRefSchema,
  listOf,
  note,
  requiredNote,
  searchText,
  sourceRef,
  title,
  userRef,
  version,
} from './fields';

export { entityRefSchema };

/**
 * Request schemas of the tickets API, shared by the backend (validation) and
 * the browser (forms). Every schema is strict: an unknown field is an error.
 */

const groupRef = entityRefSchema(['group']);
/** What a ticket can be about: systems, devices and applications. */
export const AFFECTED_ENTITY_KINDS = ['system', 'resource', 'component'];
const affectedEntityRef = entityRefSchema(AFFECTED_ENTITY_KINDS);

export const createTicketRequestSchema = z
  .object({
    // Changes are filed under /changes, with their own request.
    type: z.enum(DESK_TICKET_TYPES),
    category: z.enum(SERVICE_REQUEST_CATEGORIES).optional(),
    title,
    description: description.default(''),
    channel: z.enum(TICKET_CHANNELS).default('portal'),
    urgency: z.enum(URGENCIES),
    impact: z.enum(IMPACTS),
    entityRefs: z
      .array(affectedEntityRef)
      .min(1, 'needs at least one entity')
      .max(20),
    /** The person with the fault, when the desk files for them (phone). */
    reporter: userRef.optional(),
    assignee: userRef.optional(),
    group: groupRef.optional(),
    /**
     * Idempotency key of the system filing it, e.g. an inspection result:
     * filing again with the same key returns the ticket filed first.
     */
    sourceRef: sourceRef.optional(),
  })
  .strict()
  .refine(
    body => body.category === undefined || body.type === 'service-request',
    {
      path: ['category'],
      message: 'only a service request has a category',
    },
  );
export type CreateTicketRequest = z.input<typeof createTicketRequestSchema>;

export const editTicketRequestSchema = z
  .object({
    version,
    /**
     * Why it is edited: required of the desk and engineers once the ticket is
     * acknowledged, and kept in its history.
     */
    reason: requiredNote.optional(),
    title: title.optional(),
    description: description.optional(),
    category: z.enum(SERVICE_REQUEST_CATEGORIES).optional(),
    entityRefs: z
      .array(affectedEntityRef)
      .min(1, 'needs at least one entity')
      .max(20)
      .optional(),
  })
  .strict();
export type EditTicketRequest = z.input<typeof editTicketRequestSchema>;

/**
 * The part a ticket waits for: a stocked part type (its id in the spares
 * register; the desk checks it and keeps its name) or, for a part the court
 * does not stock, the engineer's words.
 */
export const awaitedPartSchema = z.union([
  z.object({ partTypeId: singleLineText().min(1).max(100) }).strict(),
  z.object({ text: singleLineText().min(1).max(200) }).strict(),
]);
export type AwaitedPartRequest = z.input<typeof awaitedPartSchema>;

/** One lifecycle action, carrying the version the client read. */
export const ticketActionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), version }).strict(),
  z.object({ action: z.literal('arrive'), version }).strict(),
  z.object({ action: z.literal('start-work'), version }).strict(),
  z
    .object({
      action: z.literal('pause'),
      version,
      reason: z.enum(PAUSE_REASONS),
      note: requiredNote,
      /** The part waited for: only with reason `waiting-part`. */
      part: awaitedPartSchema.optional(),
    })
    .strict()
    .refine(a => a.part === undefined || a.reason === 'waiting-part', {
      path: ['part'],
      message: 'a part is named only when the pause is waiting-part',
    }),
  z.object({ action: z.literal('resume'), version }).strict(),
  z
    .object({
      action: z.literal('reprioritise'),
      version,
      urgency: z.enum(URGENCIES),
      impact: z.enum(IMPACTS),
      reason: requiredNote,
    })
    .strict(),
  z
    .object({
      action: z.literal('assign'),
      version,
      // null clears; absent leaves as is.
      assignee: userRef.nullable().optional(),
      group: groupRef.nullable().optional(),
    })
    .strict()
    .refine(a => a.assignee !== undefined || a.group !== undefined, {
      path: ['assignee'],
      message: 'give an assignee or a group',
    }),
  z
    .object({
      action: z.literal('resolve'),
      version,
      resolution: requiredNote,
      knowledgeArticle: singleLineText().min(1).max(200).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('call-back'),
      version,
      outcome: z.enum(CALL_BACK_OUTCOMES),
      satisfaction: z.number().int().min(1).max(5).optional(),
      note,
    })
    .strict()
    .refine(c => c.outcome === 'unreachable' || c.satisfaction !== undefined, {
      path: ['satisfaction'],
      message: 'is required when the reporter was reached',
    }),
  z
    .object({ action: z.literal('reopen'), version, reason: requiredNote })
    .strict(),
  z
    .object({ action: z.literal('close'), version, note: note.optional() })
    .strict(),
]);
export type TicketActionRequest = z.input<typeof ticketActionRequestSchema>;
export type ParsedTicketAction = z.output<typeof ticketActionRequestSchema>;

export const commentRequestSchema = z
  .object({ body: multiLineText().min(1, 'is required').max(10_000) })
  .strict();
export type CommentRequest = z.input<typeof commentRequestSchema>;

export const workLogRequestSchema = z
  .object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    workDate: z.iso.date(),
    note: requiredNote,
    /** Defaults to the user logging it. */
    engineer: userRef.optional(),
  })
  .strict();
export type WorkLogRequest = z.input<typeof workLogRequestSchema>;

const ticketNumber = z
  .string()
  .regex(/^[A-Z]{2,4}-\d{4}-\d{5,}$/, 'is not a ticket number');
export const linkRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('ticket'),
      target: ticketNumber,
      relation: z.enum(TICKET_LINK_RELATIONS).default('related'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('article'),
      target: singleLineText().min(1).max(200),
      relation: z.enum(TICKET_LINK_RELATIONS).default('related'),
    })
    .strict(),
]);
export type LinkRequest = z.input<typeof linkRequestSchema>;

/** Sort orders of the queue: newest first, or soonest due first. */
export const TICKET_SORTS = ['created', 'due', 'updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const listTicketsQuerySchema = z
  .object({
    status: listOf(TICKET_STATUSES).optional(),
    type: listOf(TICKET_TYPES).optional(),
    level: listOf(PRIORITY_LEVELS).optional(),
    /** Only tickets still owing work (not resolved or closed). */
    open: booleanFlag.optional(),
    entity: affectedEntityRef.optional(),
    system: entityRefSchema(['system']).optional(),
    /** A user ref, or `me`. */
    assignee: z.union([z.literal('me'), userRef]).optional(),
    group: groupRef.optional(),
    reporter: z.union([z.literal('me'), userRef]).optional(),
    /** A running clock has used at least the at-risk share of its target. */
    atRisk: booleanFlag.optional(),
    /** Some clock has breached. */
    breached: booleanFlag.optional(),
    /** Paused waiting for this stocked part type (its spares register id). */
    awaitingPart: singleLineText().min(1).max(100).optional(),
    /** Text in the number, title or description. */
    q: searchText.optional(),
    sort: z.enum(TICKET_SORTS).default('created'),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListTicketsQuery = z.input<typeof listTicketsQuerySchema>;
export type TicketFilter = z.output<typeof listTicketsQuerySchema>;

export const complianceQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    entity: affectedEntityRef.optional(),
    system: entityRefSchema(['system']).optional(),
  })
  .strict()
  .refine(q => Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  });
export type ComplianceQuery = z.input<typeof complianceQuerySchema>;
