import { z } from 'zod';
import { singleLineText } from '@internal/plugin-court-common';
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
} from '../fields';
import {
  CHANGE_OUTCOMES,
  CHANGE_STATUSES,
  ROLLBACK_DIFFICULTIES,
  TRIAL_IMPACTS,
} from './model';

/**
 * Request schemas of the change API (`/api/tickets/changes`, `/parameters`),
 * shared by the backend, the scaffolder actions and the browser's forms.
 */

/** What a change can touch: systems and devices. */
export const CHANGE_ENTITY_KINDS = ['system', 'resource'];
const changeEntityRef = entityRefSchema(CHANGE_ENTITY_KINDS);
const deviceRef = entityRefSchema(['resource']);

/** An instant with an offset, normalised to UTC so instants compare as strings. */
const instant = z.iso
  .datetime({ offset: true })
  .transform(value => new Date(value).toISOString());

export const changeWindowSchema = z
  .object({ start: instant, end: instant })
  .strict()
  .refine(window => window.start < window.end, {
    path: ['end'],
    message: 'must be after start',
  });

/** A key parameter's name, as in the catalog's `spec.keyParameters`. */
export const parameterNameSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. mgmt-vlan');
const parameterValue = singleLineText().min(1, 'is required').max(500);

export const parameterEditSchema = z
  .object({
    device: deviceRef,
    parameter: parameterNameSchema,
    /** Defaults to the value in the register (or the catalog) when filed. */
    oldValue: parameterValue.optional(),
    newValue: parameterValue,
  })
  .strict();

export const riskAnswersSchema = z
  .object({
    trialImpact: z.enum(TRIAL_IMPACTS),
    rollback: z.enum(ROLLBACK_DIFFICULTIES),
    testedInSimulation: z.boolean(),
  })
  .strict();

export const releaseDetailsSchema = z
  .object({
    software: title,
    fromVersion: singleLineText().min(1).max(100).optional(),
    toVersion: singleLineText().min(1, 'is required').max(100),
    requirementAnalysis: requiredNote,
    trialFeedback: requiredNote,
    simulationTest: requiredNote,
  })
  .strict();

export const createChangeRequestSchema = z
  .object({
    title,
    /** What the change does. */
    description: description.default(''),
    /** Why it is needed. */
    reason: requiredNote,
    entityRefs: z
      .array(changeEntityRef)
      .min(1, 'needs at least one system or device')
      .max(20),
    risk: riskAnswersSchema,
    rollbackPlan: requiredNote,
    /** Planned; for an emergency change, when it was done. */
    window: changeWindowSchema,
    /** Defaults to whoever files it. */
    implementer: userRef.optional(),
    emergency: z.boolean().default(false),
    /** How an emergency change ended; only for one. */
    outcome: z.enum(CHANGE_OUTCOMES).optional(),
    parameterEdits: z.array(parameterEditSchema).max(50).default([]),
    /** A software release or upgrade (CHG-5). */
    release: releaseDetailsSchema.optional(),
    /** False keeps it a draft; an emergency change is always submitted. */
    submit: z.boolean().default(true),
    /**
     * Idempotency key, e.g. `scaffolder:<task>:<step>`: filing again with it
     * returns the change filed first.
     */
    sourceRef: sourceRef.optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.emergency && !request.outcome) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'is required for an emergency change: say how it ended',
      });
    }
    if (!request.emergency && request.outcome) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'only an emergency change is registered with its outcome',
      });
    }
    if (request.emergency && !request.submit) {
      ctx.addIssue({
        code: 'custom',
        path: ['submit'],
        message: 'an emergency change is registered for approval, not drafted',
      });
    }
    if (request.release && !request.risk.testedInSimulation) {
      ctx.addIssue({
        code: 'custom',
        path: ['risk', 'testedInSimulation'],
        message:
          'a software release is tested in a simulated environment before deployment (CHG-5)',
      });
    }
    const seen = new Set<string>();
    request.parameterEdits.forEach((edit, i) => {
      const key = `${edit.device}#${edit.parameter}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameterEdits', i, 'parameter'],
          message: `${edit.parameter} of ${edit.device} is edited twice`,
        });
      }
      seen.add(key);
      if (edit.oldValue !== undefined && edit.oldValue === edit.newValue) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameterEdits', i, 'newValue'],
          message: 'is the same as the old value',
        });
      }
    });
  });
export type CreateChangeRequest = z.input<typeof createChangeRequestSchema>;
export type ParsedChangeRequest = z.output<typeof createChangeRequestSchema>;

/** One step of the change workflow, carrying the version the client read. */
export const changeActionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version }).strict(),
  z
    .object({
      action: z.literal('approve'),
      version,
      comment: note.optional(),
      /** Let a normal change into a freeze period. */
      freezeException: z.boolean().default(false),
    })
    .strict()
    .refine(a => !a.freezeException || Boolean(a.comment), {
      path: ['comment'],
      message: 'say why the change may go ahead during the freeze',
    }),
  z
    .object({ action: z.literal('reject'), version, comment: requiredNote })
    .strict(),
  z
    .object({
      action: z.literal('schedule'),
      version,
      /** A new window; absent confirms the planned one. */
      window: changeWindowSchema.optional(),
    })
    .strict(),
  z.object({ action: z.literal('start'), version }).strict(),
  z
    .object({ action: z.literal('succeed'), version, note: note.optional() })
    .strict(),
  z.object({ action: z.literal('fail'), version, note: requiredNote }).strict(),
  z
    .object({ action: z.literal('roll-back'), version, note: requiredNote })
    .strict(),
]);
export type ChangeActionRequest = z.input<typeof changeActionRequestSchema>;
export type ParsedChangeAction = z.output<typeof changeActionRequestSchema>;

/** Orders of the change list: newest filed first, or by window start for the calendar. */
export const CHANGE_SORTS = ['created', 'window'] as const;

export const listChangesQuerySchema = z
  .object({
    status: listOf(CHANGE_STATUSES).optional(),
    entity: changeEntityRef.optional(),
    system: entityRefSchema(['system']).optional(),
    /** Changes whose window overlaps [from, to): a calendar's range. */
    from: instant.optional(),
    to: instant.optional(),
    /** Waiting for the court IT office (submitted). */
    pendingApproval: booleanFlag.optional(),
    emergency: booleanFlag.optional(),
    /** A user ref, or `me`. */
    implementer: z.union([z.literal('me'), userRef]).optional(),
    q: searchText.optional(),
    sort: z.enum(CHANGE_SORTS).default('created'),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict()
  .refine(q => !q.from || !q.to || q.from < q.to, {
    path: ['to'],
    message: 'must be after from',
  });
export type ListChangesQuery = z.input<typeof listChangesQuerySchema>;
export type ChangeFilter = z.output<typeof listChangesQuerySchema>;

export const createFreezeRequestSchema = z
  .object({
    title,
    reason: note.default(''),
    window: changeWindowSchema,
    /** Systems and devices it covers; empty or absent: the whole court. */
    entityRefs: z.array(changeEntityRef).max(50).default([]),
  })
  .strict();
export type CreateFreezeRequest = z.input<typeof createFreezeRequestSchema>;

export const listFreezesQuerySchema = z
  .object({
    /** Freezes that have not ended by this instant; default now. */
    after: instant.optional(),
  })
  .strict();
export type ListFreezesQuery = z.input<typeof listFreezesQuerySchema>;

export const successRateQuerySchema = z
  .object({
    from: instant,
    to: instant,
    system: entityRefSchema(['system']).optional(),
  })
  .strict()
  .refine(q => q.from < q.to, { path: ['to'], message: 'must be after from' });
export type SuccessRateQuery = z.input<typeof successRateQuerySchema>;

/** A change number, e.g. CHG-2026-00001. */
const changeNumber = z
  .string({
    error: issue =>
      issue.input === undefined
        ? 'is required: a key parameter is changed only under an approved change'
        : 'must be a change number, e.g. CHG-2026-00001',
  })
  .regex(/^CHG-\d{4}-\d{5,}$/, 'must be a change number, e.g. CHG-2026-00001');

/**
 * Writes one edit to a device's parameter register while the change is
 * carried out; only an approved change that carries this very edit may.
 */
export const parameterRegisterRequestSchema = z
  .object({
    change: changeNumber,
    parameter: parameterNameSchema,
    value: parameterValue,
  })
  .strict();
export type ParameterRegisterRequest = z.input<
  typeof parameterRegisterRequestSchema
>;
