import { z } from 'zod';
import { entityRefSchema, multiLineText } from '@internal/plugin-court-common';
import { dayNumber, monthBounds } from './dates';
import { deviceRefSchema, systemRefSchema } from './plans';
import { resultValueSchema } from './results';

/**
 * Request schemas of the inspections API, shared by the backend (validation)
 * and the browser. Strict: an unknown field is an error.
 */

const date = z.iso.date();

export const saveResultRequestSchema = z.strictObject({
  value: resultValueSchema,
  /**
   * Chosen by the client per answer: a retried save with the same key changes
   * nothing and files no second incident.
   */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _'),
  remark: multiLineText().max(2000).optional(),
});
export type SaveResultRequest = z.input<typeof saveResultRequestSchema>;

/** "Inspect now": a round for one building's devices, or for the devices named. */
export const adHocRoundRequestSchema = z
  .strictObject({
    building: z
      .string()
      .regex(/^[A-Z]$/, 'must be a building letter of the location register')
      .optional(),
    devices: z.array(deviceRefSchema).min(1).max(200).optional(),
    /**
     * Who walks it, named by another family's backend (duty's pre-event checklist); a user's
     * round is always their own.
     */
    assignee: entityRefSchema(['user']).optional(),
  })
  .refine(r => (r.building === undefined) !== (r.devices === undefined), {
    path: ['building'],
    message: 'give a building or devices, not both',
  });
export type AdHocRoundRequest = z.input<typeof adHocRoundRequestSchema>;

export const scanRequestSchema = z.strictObject({
  device: deviceRefSchema,
  /** The round being walked, if the scan came from its page. */
  roundId: z.uuid().optional(),
});
export type ScanRequest = z.input<typeof scanRequestSchema>;

export const roundsQuerySchema = z.strictObject({
  date: date.optional(),
});
export type RoundsQuery = z.input<typeof roundsQuerySchema>;

/** Days from `from` to `to`; 0 when either is malformed (reported by its own field). */
function spanOf(q: { from: string; to: string }): number {
  const [from, to] = [dayNumber(q.from), dayNumber(q.to)];
  return from === undefined || to === undefined ? 0 : to - from;
}

export const coverageQuerySchema = z
  .strictObject({
    from: date,
    to: date,
    system: systemRefSchema.optional(),
  })
  .refine(q => spanOf(q) >= 0, {
    path: ['to'],
    message: 'must not be before from',
  })
  .refine(q => spanOf(q) <= 366, {
    path: ['to'],
    message: 'a period is at most a year',
  });
export type CoverageQuery = z.input<typeof coverageQuerySchema>;

/**
 * The virus statistics of a month (`month=2026-11`) or of a period of up to a
 * year (`from`, `to`, as the coverage view's "this year"); answers the period.
 */
export const virusSummaryQuerySchema = z
  .strictObject({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-11')
      .optional(),
    from: date.optional(),
    to: date.optional(),
  })
  .refine(
    q =>
      (q.month === undefined) !== (q.from === undefined && q.to === undefined),
    {
      path: ['month'],
      message: 'give a month, or from and to, not both',
    },
  )
  .refine(q => q.month !== undefined || (q.from && q.to), {
    path: ['to'],
    message: 'give from and to together',
  })
  .refine(q => !q.from || !q.to || spanOf({ from: q.from, to: q.to }) >= 0, {
    path: ['to'],
    message: 'must not be before from',
  })
  .refine(q => !q.from || !q.to || spanOf({ from: q.from, to: q.to }) <= 366, {
    path: ['to'],
    message: 'a period is at most a year',
  })
  .transform(({ month, from, to }): { from: string; to: string } => {
    if (month === undefined) return { from: from!, to: to! };
    const { first, last } = monthBounds(month);
    return { from: first, to: last };
  });
export type VirusSummaryQuery = z.input<typeof virusSummaryQuerySchema>;

export const entityQuerySchema = z.strictObject({
  entity: z.union([deviceRefSchema, systemRefSchema]),
});

export const labelsQuerySchema = z.strictObject({
  system: systemRefSchema.optional(),
  building: z
    .string()
    .regex(/^[A-Z]$/, 'must be a building letter of the location register')
    .optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
/** `page` arrives as query text; callers give a number. */
export type LabelsQuery = Omit<z.input<typeof labelsQuerySchema>, 'page'> & {
  page?: number;
};
