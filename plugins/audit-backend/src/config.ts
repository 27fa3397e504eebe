import { Config } from '@backstage/config';
import { auditQueueConfigSchema } from '@internal/plugin-audit-node';
import { readConfigAt } from '@internal/plugin-court-node';
import { Info } from 'luxon';
import { z } from 'zod';

const schema = z.strictObject({
  zone: z
    .string()
    .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
    .default('Asia/Shanghai'),
  /** Rows older than this many days are pruned by the daily check, behind a checkpoint row. */
  retentionDays: z.number().int().min(30).max(36_500).default(1_830),
  /** When the daily check verifies the chain and prunes, in `zone`. */
  dailyCheckAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm, e.g. 02:30')
    .default('02:30'),
  /** The most rows one Excel export holds. */
  exportLimit: z.number().int().min(1).max(1_000_000).default(100_000),
  /** Who is told when the chain does not verify (default: the court IT office's groups). */
  notify: z.array(z.string().min(1)).optional(),
  queue: auditQueueConfigSchema.prefault({}),
});

export type AuditConfig = Omit<z.output<typeof schema>, 'notify'> & {
  readonly notify: readonly string[];
};

/** Reads `audit`; a bad value stops the start naming the key. */
export function readAuditConfig(config: Config): AuditConfig {
  const parsed = readConfigAt(config, 'audit', schema);
  return {
    ...parsed,
    notify:
      parsed.notify ??
      config.getOptionalStringArray('courtOps.roles.court-it-office') ??
      [],
  };
}
