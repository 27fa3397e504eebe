import { RootConfigService } from '@backstage/backend-plugin-api';
import { readConfigAt } from '@internal/plugin-court-node';
import { z } from 'zod';

/** `audit.queue`: the sink's memory bound and batch size. */
export const auditQueueConfigSchema = z.strictObject({
  /** Events held in memory before the auditor makes its callers wait. */
  capacity: z.number().int().min(10).max(1_000_000).default(10_000),
  /** Rows appended in one transaction. */
  batchSize: z.number().int().min(1).max(5_000).default(500),
});

export type AuditQueueConfig = z.output<typeof auditQueueConfigSchema>;

export function readAuditQueueConfig(
  config: RootConfigService,
): AuditQueueConfig {
  return readConfigAt(config, 'audit.queue', auditQueueConfigSchema);
}
