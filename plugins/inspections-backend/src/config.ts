import { Config } from '@backstage/config';
import {
  LocationRegister,
  locationRegisterSchema,
} from '@internal/plugin-court-common';
import {
  groupRefSchema,
  planSchema,
} from '@internal/plugin-inspections-common';
import { parseSlaConfig, SlaConfig } from '@internal/plugin-sla-common';
import { readConfigAt } from '@internal/plugin-court-node';
import { z } from 'zod';

const inspectionsConfigSchema = z
  .strictObject({
    /** The calendar whose zone gives "today". */
    calendar: z.string().min(1).default('working-days'),
    /** How many days back a catch-up after downtime reaches. */
    catchUpDays: z.number().int().min(1).max(400).default(31),
    generation: z
      .strictObject({
        frequencyMinutes: z.number().int().min(1).max(1440).default(10),
        initialDelaySeconds: z.number().int().min(0).max(3600).default(5),
      })
      .prefault({}),
    /** Notified once per year when rounds wait for its official schedule; default the ops managers. */
    notify: z.array(z.string().min(1)).optional(),
    /** Plans stored at start when no plan of that id exists (then changed through the API). */
    plans: z.array(planSchema).default([]),
    /** The duty post whose engineers on on-site duty walk a team's rounds (docs/inspections.md). */
    dutyPosts: z
      .array(z.strictObject({ team: groupRefSchema, post: z.string().min(1) }))
      .default([]),
  })
  .prefault({});

export type InspectionsConfig = Omit<
  z.output<typeof inspectionsConfigSchema>,
  'notify'
> & {
  notify: readonly string[];
  sla: SlaConfig;
  register: LocationRegister;
  /** Where the portal's pages are, for the label QR codes. */
  appBaseUrl: string;
};

/** `inspections`, `sla`, `courtOps.locations` and `app.baseUrl` from app-config; throws naming the bad key. */
export function readInspectionsConfig(config: Config): InspectionsConfig {
  const locations = readConfigAt(
    config,
    'courtOps.locations',
    locationRegisterSchema,
    [],
  );
  const inspections = readConfigAt(
    config,
    'inspections',
    inspectionsConfigSchema,
  );
  return {
    ...inspections,
    notify:
      inspections.notify ??
      config.getOptionalStringArray('courtOps.roles.ops-manager') ??
      [],
    sla: parseSlaConfig(config.getOptional('sla')),
    register: new LocationRegister(locations),
    appBaseUrl: (
      config.getOptionalString('app.baseUrl') ?? 'http://localhost:7007'
    ).replace(/\/$/, ''),
  };
}
