import {
  entityRefSchema,
  multiLineText,
  singleLineText,
} from '@internal/plugin-court-common';
import { z } from 'zod';
import { GRANT_SCOPES, GRANT_STATES } from './grants';

const ticketNumber = z
  .string()
  .regex(/^[A-Z]{2,4}-\d{4}-\d{5,}$/, 'is not a ticket number');

const instant = z.iso.datetime({ offset: true });
const revision = z.number().int().min(1);
const note = multiLineText().min(1).max(1000);

export const requestGrantSchema = z.strictObject({
  entityRef: entityRefSchema(['resource', 'component', 'system']),
  /** The ticket or change the access is for. */
  ticket: ticketNumber,
  scopes: z
    .array(z.enum(GRANT_SCOPES))
    .min(1)
    .transform(scopes => [...new Set(scopes)]),
  reason: multiLineText().min(1).max(1000),
  /** Absent: now. */
  startsAt: instant.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type RequestGrant = z.input<typeof requestGrantSchema>;

export const grantStepSchema = z.strictObject({
  revision,
  note: note.optional(),
});
/** Refusing and revoking say why. */
export const grantStepWithReasonSchema = z.strictObject({
  revision,
  note,
});
export type GrantStepRequest = z.input<typeof grantStepSchema>;

export const listGrantsQuerySchema = z.strictObject({
  ticket: ticketNumber.optional(),
  entityRef: entityRefSchema(['resource', 'component', 'system']).optional(),
  requestedBy: z.union([z.literal('me'), entityRefSchema(['user'])]).optional(),
  state: z
    .union([z.enum(GRANT_STATES), z.array(z.enum(GRANT_STATES))])
    .transform(s => (Array.isArray(s) ? s : [s]))
    .optional(),
});
export type ListGrantsQuery = z.input<typeof listGrantsQuerySchema>;

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'is not a month (YYYY-MM)');

const qualificationSchema = z.strictObject({
  name: singleLineText().min(1).max(200),
  number: singleLineText().min(1).max(100).optional(),
  validUntil: z.iso.date().optional(),
});

const engineerFields = {
  name: singleLineText().min(1).max(100),
  employer: singleLineText().min(1).max(200),
  posts: z.array(singleLineText().min(1).max(100)).max(20).default([]),
  qualifications: z.array(qualificationSchema).max(50).default([]),
  confidentialitySignedOn: z.iso.date().optional(),
};

export const createEngineerSchema = z.strictObject({
  userRef: entityRefSchema(['user']),
  ...engineerFields,
});
export type CreateEngineer = z.input<typeof createEngineerSchema>;

export const updateEngineerSchema = z.strictObject({
  revision,
  ...engineerFields,
});
export type UpdateEngineer = z.input<typeof updateEngineerSchema>;

export const engineerStepSchema = z.strictObject({ revision });
export const suspendEngineerSchema = z.strictObject({
  revision,
  reason: note,
});
export type EngineerStep = z.input<typeof engineerStepSchema>;

export const userRefSchema = entityRefSchema(['user']);

/** Most engineers answered in one batch: a team, with room to spare. */
export const MAX_ASSIGNMENT_BATCH = 100;

/** `?userRef=a&userRef=b`: several engineers' assignment decisions at once. */
export const assignmentsQuerySchema = z.strictObject({
  userRef: z
    .union([userRefSchema, z.array(userRefSchema)])
    .transform(refs => [...new Set(Array.isArray(refs) ? refs : [refs])])
    .pipe(z.array(z.string()).max(MAX_ASSIGNMENT_BATCH)),
});
export type AssignmentsQuery = z.input<typeof assignmentsQuerySchema>;

/** Reassign all of one engineer's open work to another, with the reason recorded. */
export const reassignSchema = z.strictObject({
  to: entityRefSchema(['user']),
  reason: note,
});
export type ReassignRequest = z.input<typeof reassignSchema>;
