import { Config } from '@backstage/config';
import { createEngineerSchema } from '@internal/plugin-access-common';
import { readConfigAt } from '@internal/plugin-court-node';
import { Info } from 'luxon';
import { z } from 'zod';

const schema = z.strictObject({
  zone: z
    .string()
    .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
    .default('Asia/Shanghai'),
  /** The longest grant the court allows, in minutes (SEC-1: 4 h). */
  maxGrantMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(240),
  /**
   * Engineers' records written at start when absent, approved: the example
   * court's team, so assignment keeps working before the IT office has
   * entered anyone. A record the IT office changed is never overwritten.
   */
  engineers: z
    .array(createEngineerSchema.extend({ approved: z.boolean().default(true) }))
    .default([]),
});

export type AccessConfig = z.output<typeof schema>;

/** Reads `access`; a bad value stops the start naming the key. */
export function readAccessConfig(config: Config): AccessConfig {
  return readConfigAt(config, 'access', schema);
}
