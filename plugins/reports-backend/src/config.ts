import { Config } from '@backstage/config';
import { readConfigAt } from '@internal/plugin-court-node';
import {
  DEFAULT_ZONE,
  parseSlaConfig,
  SlaConfig,
} from '@internal/plugin-sla-common';
import { Info } from 'luxon';
import { z } from 'zod';

const schema = z
  .strictObject({
    /** The court's zone: periods are whole days in it, drafts are prepared at 08:00 in it. */
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
      .default(DEFAULT_ZONE),
    /** Named on the cover of the Word report. */
    court: z
      .strictObject({
        /** Default: `organization.name`. */
        name: z.string().min(1).optional(),
        contractor: z.string().min(1).default('运维服务商'),
      })
      .prefault({}),
    drafts: z
      .strictObject({
        /** Weekly drafts on Monday 08:00, monthly ones on the first working day at 08:00. */
        enabled: z.boolean().default(true),
        /** Who is told a draft is ready (entity refs). Default: the ops-manager groups. */
        notify: z.array(z.string().min(1)).optional(),
      })
      .prefault({}),
  })
  .prefault({});

export interface ReportsConfig {
  readonly zone: string;
  readonly court: { readonly name: string; readonly contractor: string };
  readonly drafts: {
    readonly enabled: boolean;
    readonly notify: readonly string[];
  };
  /** `sla`: the official calendar years kept as code, for the first working day of a month. */
  readonly sla: SlaConfig;
}

/** `reports` (and `organization.name`, `courtOps.roles`, `sla`) from app-config; throws naming the bad key. */
export function readReportsConfig(config: Config): ReportsConfig {
  const parsed = readConfigAt(config, 'reports', schema);
  return {
    ...parsed,
    court: {
      name:
        parsed.court.name ??
        config.getOptionalString('organization.name') ??
        '人民法院',
      contractor: parsed.court.contractor,
    },
    drafts: {
      enabled: parsed.drafts.enabled,
      notify:
        parsed.drafts.notify ??
        config.getOptionalStringArray('courtOps.roles.ops-manager') ??
        [],
    },
    sla: parseSlaConfig(config.getOptional('sla')),
  };
}
