import { z } from 'zod';
import {
  entityRefSchema,
  multiLineText,
  singleLineString,
  singleLineText,
} from '@internal/plugin-court-common';

/**
 * Field schemas shared by the family's requests (the desk's and the
 * changes'); not part of the package's API.
 */

export { entityRefSchema };

export const userRef = entityRefSchema(['user']);

// Text hygiene (court-common): single-line fields refuse control and bidi characters.
export const title = singleLineText().min(1, 'is required').max(200);
export const description = multiLineText().max(10_000);
export const note = multiLineText().max(4_000);
export const requiredNote = note.min(1, 'is required');
/** The `version` the client read, for optimistic concurrency. */
export const version = z.number().int().min(1);
/** Idempotency key of the system filing a record. */
export const sourceRef = singleLineText().min(1).max(255);
/** A free search text, e.g. `q`. */
export const searchText = singleLineText().min(1).max(200);
/** A keyset cursor as the API handed it out. */
export const cursor = singleLineString().max(500);

/** A query-string list: `status=new&status=pending` or `status=new,pending`. */
export function listOf<T extends string>(values: readonly T[]) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : [v])
        .flatMap(s => s.split(','))
        .filter(s => s !== ''),
    )
    .pipe(z.array(z.enum(values as readonly [T, ...T[]])).max(20))
    .describe(`One or more, repeated or comma-separated: ${values.join(', ')}`);
}
/** `true` or `false` in a query string. */
export const booleanFlag = z
  .enum(['true', 'false'])
  .transform(v => v === 'true');
