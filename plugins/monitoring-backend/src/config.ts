import { Config } from '@backstage/config';
import {
  ALERT_SEVERITIES,
  AlertSeverity,
  DEFAULT_SEVERITY_MAPPING,
} from '@internal/plugin-monitoring-common';
import { readConfigAt } from '@internal/plugin-court-node';
import { IMPACTS, URGENCIES } from '@internal/plugin-sla-common';
import { Info } from 'luxon';
import { z } from 'zod';

const zone = z
  .string()
  .refine(name => Info.isValidIANAZone(name), 'is not a known time zone');

const rating = z.strictObject({
  urgency: z.enum(URGENCIES as ['high', 'medium', 'low']),
  impact: z.enum(IMPACTS as ['large', 'medium', 'small']),
});

const sourceShape = (subject: string) => ({
  /**
   * The subject of the source's static token in
   * `backend.auth.externalAccess`; only that caller may post here.
   */
  subject: z.string().min(1).default(subject),
  /** Resolve the ticket when the alert clears (off: an event is added). */
  autoResolve: z.boolean().default(false),
  /** Alert the desk when nothing arrived for this long (e.g. Watchdog). */
  heartbeatMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
});

const schema = z.strictObject({
  zone: zone.default('Asia/Shanghai'),
  sources: z
    .strictObject({
      alertmanager: z
        .strictObject(sourceShape('monitoring-alertmanager'))
        .prefault({}),
      zabbix: z
        .strictObject({
          ...sourceShape('monitoring-zabbix'),
          /** The Zabbix server's zone, for `{EVENT.DATE}` `{EVENT.TIME}`. */
          zone: zone.default('Asia/Shanghai'),
        })
        .prefault({}),
      generic: z.strictObject(sourceShape('monitoring-generic')).prefault({}),
    })
    .prefault({}),
  flapping: z
    .strictObject({
      fires: z.number().int().min(2).max(100).default(3),
      minutes: z.number().int().min(1).max(1440).default(30),
    })
    .prefault({}),
  storm: z
    .strictObject({
      /** More than this many new alerts of one system within a minute is a storm. */
      alerts: z.number().int().min(1).max(1000).default(10),
    })
    .prefault({}),
  severities: z
    .strictObject(
      Object.fromEntries(
        ALERT_SEVERITIES.map(s => [
          s,
          rating.default(DEFAULT_SEVERITY_MAPPING[s]),
        ]),
      ) as Record<AlertSeverity, z.ZodDefault<typeof rating>>,
    )
    .prefault({}),
  mapping: z
    .strictObject({
      /** Which device facts an alert is matched by, first match wins. */
      order: z
        .array(z.enum(['monitoringId', 'ip', 'hostname']))
        .min(1)
        .default(['monitoringId', 'ip', 'hostname']),
      /** How long the catalog's devices are kept before they are read again. */
      refreshMinutes: z.number().int().min(1).max(1440).default(5),
    })
    .prefault({}),
  /** Who hears that a source went silent. */
  deskRecipients: z
    .array(z.string().min(1))
    .default(['group:default/service-desk-post']),
  deadLetters: z
    .strictObject({ keep: z.number().int().min(1).max(10_000).default(200) })
    .prefault({}),
});

export type MonitoringConfig = z.output<typeof schema>;

/** Reads `monitoring`; a bad value stops the start naming the key. */
export function readMonitoringConfig(config: Config): MonitoringConfig {
  return readConfigAt(config, 'monitoring', schema);
}
