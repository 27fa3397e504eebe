import {
  entityRefSchema,
  multiLineText,
  singleLineString,
  singleLineText,
} from '@internal/plugin-court-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { REPAIR_RESULTS, REPAIR_TERMS } from './repairs';

const code = singleLineString()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. hdd-4tb')
  .max(60);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(value => DateTime.fromISO(value).isValid, 'is not a calendar date');
const wholeParts = (min: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number of parts')
    .min(min, `must be ${min} or more`)
    .max(100_000);
const shortText = (max: number) => singleLineText().min(1).max(max);
const ticketNumber = singleLineString().regex(
  /^[A-Z]{2,4}-\d{4}-\d{5,}$/,
  'is not a ticket number',
);
/** A device: a catalog Resource. */
export const deviceRefSchema = entityRefSchema(['resource']);
const deviceRef = deviceRefSchema;

export const partTypeSchema = z
  .object({
    id: code,
    name: shortText(200),
    deviceClasses: z.array(code).max(30).default([]),
    models: z.array(shortText(100)).max(50).default([]),
    minimum: wholeParts(0).default(0),
  })
  .strict();
export type PartTypeRequest = z.input<typeof partTypeSchema>;

export const locationSchema = z
  .object({ id: code, name: shortText(200) })
  .strict();
export type LocationRequest = z.input<typeof locationSchema>;

export const vendorSchema = z
  .object({
    id: code,
    name: shortText(200),
    contacts: z.array(shortText(200)).max(20).default([]),
    serviceHours: shortText(200).optional(),
    responsePromise: shortText(200).optional(),
  })
  .strict();
export type VendorRequest = z.input<typeof vendorSchema>;

const base = { partTypeId: code, locationId: code };

export const movementRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('receipt'),
      ...base,
      quantity: wholeParts(1),
      supplier: shortText(200),
      /** The purchase order or warranty reference. */
      reference: shortText(200),
    })
    .strict(),
  z
    .object({
      kind: z.literal('issue'),
      ...base,
      quantity: wholeParts(1),
      ticket: ticketNumber.optional(),
      change: ticketNumber.optional(),
      /** Defaults to the ticket's first device. */
      deviceRef: deviceRef.optional(),
      /** Why it is issued although it does not fit, when it does not. */
      reason: multiLineText().max(1000).optional(),
    })
    .strict()
    .refine(m => Boolean(m.ticket) !== Boolean(m.change), {
      path: ['ticket'],
      message: 'an issue is against one ticket or one change',
    }),
  z
    .object({
      kind: z.literal('return'),
      ...base,
      quantity: wholeParts(1),
      ticket: ticketNumber.optional(),
      reason: multiLineText().min(1).max(1000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('count'),
      ...base,
      counted: wholeParts(0),
      /** Required when the count differs from the stock; checked by the service. */
      reason: multiLineText().max(1000).optional(),
    })
    .strict(),
]);
export type MovementRequest = z.input<typeof movementRequestSchema>;
export type ParsedMovementRequest = z.output<typeof movementRequestSchema>;

export const storeQuerySchema = z
  .object({
    cursor: singleLineString().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    partType: code.optional(),
  })
  .strict();
export type StoreQuery = z.input<typeof storeQuerySchema>;

export const repairRequestSchema = z
  .object({
    deviceRef: deviceRef.optional(),
    partTypeId: code.optional(),
    ticket: ticketNumber.optional(),
    vendorId: code,
    terms: z.enum(REPAIR_TERMS),
    sentOn: isoDate,
    promisedOn: isoDate.optional(),
    rma: shortText(100).optional(),
    loaner: shortText(200).optional(),
    loanerWhere: shortText(200).optional(),
  })
  .strict()
  .refine(r => Boolean(r.deviceRef) !== Boolean(r.partTypeId), {
    path: ['deviceRef'],
    message: 'a repair is of one device or one part type',
  })
  .refine(r => !r.promisedOn || r.promisedOn >= r.sentOn, {
    path: ['promisedOn'],
    message: 'is before the send date',
  });
export type RepairRequest = z.input<typeof repairRequestSchema>;

export const repairActionSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('update'),
      version: z.number().int().min(1),
      note: multiLineText().min(1).max(2000),
      promisedOn: isoDate.optional(),
      loaner: shortText(200).optional(),
      loanerWhere: shortText(200).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('return'),
      version: z.number().int().min(1),
      returnedOn: isoDate,
      result: z.enum(REPAIR_RESULTS),
      note: multiLineText().max(2000).optional(),
    })
    .strict(),
]);
export type RepairAction = z.input<typeof repairActionSchema>;

export const repairsQuerySchema = z
  .object({
    status: z.enum(['out', 'overdue', 'returned', 'all']).default('out'),
    vendor: code.optional(),
    ticket: ticketNumber.optional(),
    device: deviceRef.optional(),
  })
  .strict();
export type RepairsQuery = z.input<typeof repairsQuerySchema>;

export const stockReportQuerySchema = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
  })
  .strict();
