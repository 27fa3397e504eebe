import { z } from 'zod';
import { zabbixInstant } from './normalize';

/**
 * Prometheus Alertmanager's webhook body, version 4
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
 * Unknown fields are ignored: Alertmanager may add some.
 */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: z.record(z.string(), z.string()),
  commonLabels: z.record(z.string(), z.string()),
  commonAnnotations: z.record(z.string(), z.string()),
  externalURL: z.string(),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: z
          .record(z.string(), z.string())
          .refine(labels => labels.alertname, 'needs an alertname label'),
        annotations: z.record(z.string(), z.string()).default({}),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.string(),
        generatorURL: z.string().default(''),
        fingerprint: z.string().min(1).max(100).optional(),
      }),
    )
    .min(1, 'needs at least one alert')
    .max(1000),
});
export type AlertmanagerPayload = z.input<typeof alertmanagerPayloadSchema>;

/** Zabbix's severities, as `{EVENT.NSEVERITY}` numbers them (0..5). */
export const ZABBIX_SEVERITIES = [
  'Not classified',
  'Information',
  'Warning',
  'Average',
  'High',
  'Disaster',
] as const;

/**
 * The JSON the court's Zabbix 6.0 webhook media type script posts
 * (docs/monitoring.md): one event, built from Zabbix's macros
 * ({EVENT.ID}, {EVENT.VALUE}, {EVENT.NSEVERITY}, {HOST.IP}, ...).
 * `event_value` is 1 for a problem and 0 for its recovery.
 */
export const zabbixPayloadSchema = z
  .object({
    event_id: z.string().regex(/^\d+$/, 'must be a Zabbix event id'),
    event_value: z.enum(['0', '1']),
    event_name: z.string().min(1).max(500),
    event_nseverity: z.enum(['0', '1', '2', '3', '4', '5']),
    event_severity: z.string().optional(),
    /** `{EVENT.DATE}` and `{EVENT.TIME}`, in the Zabbix server's zone (per source config). */
    event_date: z.string().regex(/^\d{4}\.\d{2}\.\d{2}$/, 'must be YYYY.MM.DD'),
    event_time: z.string().regex(/^\d{2}:\d{2}:\d{2}$/, 'must be hh:mm:ss'),
    event_recovery_date: z.string().optional(),
    event_recovery_time: z.string().optional(),
    event_tags: z
      .array(z.object({ tag: z.string(), value: z.string() }))
      .default([]),
    trigger_id: z.string().regex(/^\d+$/, 'must be a Zabbix trigger id'),
    trigger_description: z.string().optional(),
    host_host: z.string().min(1).max(255),
    host_name: z.string().max(255).optional(),
    host_ip: z.string().max(100).optional(),
    event_url: z.string().optional(),
  })
  // The zone does not change whether a date exists.
  .refine(p => zabbixInstant(p.event_date, p.event_time, 'UTC').isValid, {
    path: ['event_date'],
    message: 'is not a real date and time',
  });
export type ZabbixPayload = z.input<typeof zabbixPayloadSchema>;

/**
 * The portal's own format for any other tool: a list of alerts, each with a
 * stable `id` (the fingerprint) and where it happened.
 */
export const genericPayloadSchema = z.strictObject({
  alerts: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        status: z.enum(['firing', 'resolved']),
        severity: z.enum(['critical', 'major', 'minor', 'warning', 'info']),
        title: z.string().trim().min(1).max(200),
        description: z.string().max(5000).default(''),
        host: z.string().max(255).optional(),
        ip: z.ipv4().optional(),
        monitoringId: z.string().max(200).optional(),
        system: z.string().max(100).optional(),
        startsAt: z.iso.datetime({ offset: true }),
        link: z.url().optional(),
      }),
    )
    .min(1, 'needs at least one alert')
    .max(1000),
});
export type GenericPayload = z.input<typeof genericPayloadSchema>;
