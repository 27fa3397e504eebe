import { Config } from '@backstage/config';
import { readConfigAt } from '@internal/plugin-court-node';
import {
  locationSchema,
  partTypeSchema,
  vendorSchema,
} from '@internal/plugin-spares-common';
import { Info } from 'luxon';
import { z } from 'zod';

const refs = z.array(z.string().min(1));

const schema = z
  .strictObject({
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
      .default('Asia/Shanghai'),
    /** The hour (court time) the overdue watch looks at the repairs out. */
    overdueCheckHour: z.number().int().min(0).max(23).default(9),
    notify: z
      .strictObject({ belowMinimum: refs.optional(), overdue: refs.optional() })
      .prefault({}),
    /** Stored at start when absent (then kept through the API). */
    partTypes: z.array(partTypeSchema).default([]),
    locations: z.array(locationSchema).default([]),
    vendors: z.array(vendorSchema).default([]),
  })
  .prefault({});

export type SparesConfig = Omit<z.output<typeof schema>, 'notify'> & {
  notify: { belowMinimum: readonly string[]; overdue: readonly string[] };
};

/**
 * `spares` from app-config. Below-minimum parts go to the ops managers,
 * overdue repairs to the ops managers and the court IT office, unless named.
 */
export function readSparesConfig(config: Config): SparesConfig {
  const spares = readConfigAt(config, 'spares', schema);
  const role = (name: string) =>
    config.getOptionalStringArray(`courtOps.roles.${name}`) ?? [];
  return {
    ...spares,
    notify: {
      belowMinimum: spares.notify.belowMinimum ?? role('ops-manager'),
      overdue: spares.notify.overdue ?? [
        ...role('ops-manager'),
        ...role('court-it-office'),
      ],
    },
  };
}
