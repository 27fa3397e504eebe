import { Config } from '@backstage/config';
import { Info } from 'luxon';
import { z } from 'zod';
import { readConfigAt } from '@internal/plugin-court-node';
import { parseSlaConfig, SlaConfig } from '@internal/plugin-sla-common';
import { DEFAULT_START_GRACE_MINUTES } from '@internal/plugin-tickets-common';

const ticketsConfigSchema = z
  .strictObject({
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'unknown IANA time zone')
      .default('Asia/Shanghai'),
    atRiskShare: z.number().gt(0).lt(1).default(0.75),
    notify: z
      .strictObject({
        newTicket: z.array(z.string()).default(['group:default/onsite-team']),
        serviceManagers: z.array(z.string()).default([]),
        outsideOnSiteHours: z
          .array(z.string())
          .default(['group:default/ops-managers']),
        changeApprovers: z
          .array(z.string())
          .default(['group:default/court-it-office']),
      })
      .prefault({}),
    changes: z
      .strictObject({
        /** Minutes before its approved window in which a normal change may start. */
        startGraceMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .default(DEFAULT_START_GRACE_MINUTES),
      })
      .prefault({}),
    figures: z
      .strictObject({
        /** Threads that compute a period's figures for reports; 0: the backend's own thread. */
        workers: z.number().int().min(0).max(16).default(2),
        /** A worker's heap limit: a job over it fails alone, the backend stays up. */
        workerMemoryMb: z.number().int().min(64).default(1024),
      })
      .prefault({}),
    breachWatch: z
      .strictObject({
        maxSleepSeconds: z.number().positive().default(30),
      })
      .prefault({}),
  })
  .prefault({});

export type TicketsConfig = z.output<typeof ticketsConfigSchema> & {
  sla: SlaConfig;
};

/** `tickets` and `sla` from app-config; throws naming the bad key. */
export function readTicketsConfig(config: Config): TicketsConfig {
  return {
    ...readConfigAt(config, 'tickets', ticketsConfigSchema),
    sla: parseSlaConfig(config.getOptional('sla')),
  };
}
