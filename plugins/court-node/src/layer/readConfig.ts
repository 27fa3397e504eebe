import { Config } from '@backstage/config';
import { z } from 'zod';
import { describeIssues } from './parseInput';

/**
 * Reads the app-config section at `key` through a zod schema (which gives the
 * defaults). A bad value stops the plugin with an error naming the full key,
 * e.g. `Invalid configuration at tickets.zone: unknown IANA time zone`, as
 * Backstage's own config readers do.
 *
 * @param fallback what an absent section parses as (an empty object for a
 *   section of options, an empty array for a list)
 */
export function readConfigAt<S extends z.ZodType>(
  config: Config,
  key: string,
  schema: S,
  fallback: unknown = {},
): z.output<S> {
  const result = schema.safeParse(config.getOptional(key) ?? fallback);
  if (result.success) {
    return result.data;
  }
  throw new Error(
    `Invalid configuration at ${describeIssues(result.error.issues, key)}`,
  );
}
