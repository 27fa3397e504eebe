import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses `value` or throws an InputError (400) naming each bad field, e.g.
 * `body.urgency: Invalid option: expected one of "high"|"medium"|"low"`.
 *
 * @param where the part of the request, e.g. `body`, `query`, `path.id`
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  throw new InputError(describeIssues(result.error.issues, where));
}

/** `prefix.path.to.field: message` for each issue, joined by `; `. */
export function describeIssues(
  issues: z.ZodError['issues'],
  prefix: string,
): string {
  return issues
    .map(issue => {
      const path = [prefix, ...issue.path.map(String)].join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
