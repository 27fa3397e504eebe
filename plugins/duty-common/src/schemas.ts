import {
  entityRefSchema,
  singleLineString,
  multiLineString,
} from '@internal/plugin-court-common';
import { DateTime } from 'luxon';
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(value => DateTime.fromISO(value).isValid, 'is not a calendar date');

/** YYYY-MM. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** An instant with its offset. */
export const instantSchema = z
  .string()
  .refine(
    value =>
      DateTime.fromISO(value, { setZone: true }).isValid &&
      /(Z|[+-]\d{2}:?\d{2})$/.test(value),
    'must be an ISO 8601 instant with its offset',
  );

const userRef = entityRefSchema(['user']);
const version = z.number().int().min(1);

export const generateRosterSchema = z.strictObject({
  /** Replace a draft that already exists (a published roster is never replaced). */
  replace: z.boolean().default(false),
});
export type GenerateRosterRequest = z.input<typeof generateRosterSchema>;

/** Name the engineer of a shift (null: leave it vacant). */
export const updateShiftSchema = z.strictObject({
  engineer: userRef.nullable(),
  expectedVersion: version,
});
export type UpdateShiftRequest = z.input<typeof updateShiftSchema>;

/** An extra shift in a month's roster. */
export const addShiftSchema = z
  .strictObject({
    date: isoDate,
    kind: z.enum(['on-site', 'phone']),
    post: z.string().min(1).max(31).optional(),
    engineer: userRef,
  })
  .superRefine((shift, ctx) => {
    if ((shift.kind === 'on-site') !== (shift.post !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['post'],
        message: 'an on-site shift has a post, a phone shift none',
      });
    }
  });
export type AddShiftRequest = z.input<typeof addShiftSchema>;

export const publishRosterSchema = z.strictObject({ expectedVersion: version });
export type PublishRosterRequest = z.input<typeof publishRosterSchema>;

export const requestSwapSchema = z.strictObject({
  shiftId: singleLineString().pipe(z.string().min(1).max(80)),
  toEngineer: userRef,
  returnShiftId: singleLineString().pipe(z.string().min(1).max(80)).optional(),
  note: multiLineString().pipe(z.string().max(500)).optional(),
});
export type RequestSwapRequest = z.input<typeof requestSwapSchema>;

/** Approve, or refuse with a reason. */
export const decisionSchema = z
  .strictObject({
    approve: z.boolean(),
    reason: multiLineString().pipe(z.string().max(500)).optional(),
  })
  .superRefine((decision, ctx) => {
    if (!decision.approve && !decision.reason?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'is required to refuse',
      });
    }
  });
export type DecisionRequest = z.input<typeof decisionSchema>;

export const requestLeaveSchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    reason: multiLineString().pipe(z.string().min(1).max(500)),
  })
  .superRefine((leave, ctx) => {
    if (leave.to < leave.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'ends before the leave starts',
      });
    }
  });
export type RequestLeaveRequest = z.input<typeof requestLeaveSchema>;

export const checkInSchema = z.strictObject({
  /** The duty room's code, from its QR code: the check-in was made in the room. */
  roomCode: singleLineString().pipe(z.string().max(100)).optional(),
});
export type CheckInRequest = z.input<typeof checkInSchema>;

export const onCallQuerySchema = z.strictObject({
  at: instantSchema.optional(),
});
export type OnCallQuery = z.input<typeof onCallQuerySchema>;

export const monthQuerySchema = z.strictObject({ month: monthSchema });
export const leaveQuerySchema = z.strictObject({
  status: z.enum(['requested', 'approved', 'refused', 'withdrawn']).optional(),
  engineer: userRef.optional(),
});
export type LeaveQuery = z.input<typeof leaveQuerySchema>;
