import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { singleLineString } from './text';

/**
 * An entity ref of the given kinds (lower case), normalised to
 * `kind:namespace/name`; the court's request schemas all read refs this way.
 * A single-line field: control and bidi characters are refused by name.
 */
export function entityRefSchema(kinds: readonly string[]) {
  return singleLineString().transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, { defaultNamespace: 'default' });
      if (!kinds.includes(ref.kind.toLocaleLowerCase('en-US'))) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a ${kinds.join(' or ')} entity ref`,
        });
        return z.NEVER;
      }
      return stringifyEntityRef(ref);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not an entity ref' });
      return z.NEVER;
    }
  });
}
