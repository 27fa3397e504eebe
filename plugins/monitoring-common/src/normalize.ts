import { DateTime } from 'luxon';
import { labelsFingerprint } from './rules';
import type { AlertSeverity, ReceivedAlert } from './types';
import type { z } from 'zod';
import type {
  alertmanagerPayloadSchema,
  genericPayloadSchema,
  zabbixPayloadSchema,
} from './payloads';

type Parsed<S extends z.ZodType> = z.output<S>;

/** Alertmanager's `severity` label to the court's scale; unknown is a warning. */
const PROMETHEUS_SEVERITIES: Record<string, AlertSeverity> = {
  critical: 'critical',
  disaster: 'critical',
  page: 'critical',
  major: 'major',
  high: 'major',
  error: 'major',
  minor: 'minor',
  average: 'minor',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  none: 'info',
};

/** `{EVENT.NSEVERITY}` 0..5 to the court's scale. */
const ZABBIX_NSEVERITY: Record<string, AlertSeverity> = {
  '0': 'info',
  '1': 'info',
  '2': 'warning',
  '3': 'minor',
  '4': 'major',
  '5': 'critical',
};

/** Alertmanager's alerts; the fingerprint is Alertmanager's own when sent. */
export function fromAlertmanager(
  payload: Parsed<typeof alertmanagerPayloadSchema>,
): ReceivedAlert[] {
  return payload.alerts.map(alert => {
    const labels = alert.labels;
    const annotations = alert.annotations;
    const instance = labels.instance?.replace(/:\d+$/, '');
    const isIp =
      instance !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(instance);
    return {
      source: 'alertmanager',
      fingerprint: `alertmanager:${
        alert.fingerprint ?? labelsFingerprint(labels)
      }`,
      status: alert.status,
      severity:
        PROMETHEUS_SEVERITIES[(labels.severity ?? '').toLowerCase()] ??
        'warning',
      title: (annotations.summary ?? labels.alertname).slice(0, 150),
      description: annotations.description ?? '',
      host: labels.hostname ?? (isIp ? undefined : instance),
      ip: labels.ip ?? (isIp ? instance : undefined),
      monitoringId: labels.monitoring_id,
      system: labels.system,
      startsAt: alert.startsAt,
      link: alert.generatorURL || undefined,
    };
  });
}

/** `{EVENT.DATE}` `{EVENT.TIME}` (2026.12.06 10:15:30) read in `zone`. */
export function zabbixInstant(date: string, time: string, zone: string) {
  return DateTime.fromFormat(`${date} ${time}`, 'yyyy.MM.dd HH:mm:ss', {
    zone,
  });
}

/**
 * A Zabbix event; one trigger is one alert, so a trigger's next problem
 * joins its open incident. Dates are in the Zabbix server's `zone`.
 */
export function fromZabbix(
  payload: Parsed<typeof zabbixPayloadSchema>,
  zone: string,
): ReceivedAlert {
  const tags = Object.fromEntries(
    payload.event_tags.map(({ tag, value }) => [tag, value]),
  );
  const startsAt = zabbixInstant(payload.event_date, payload.event_time, zone);
  return {
    source: 'zabbix',
    fingerprint: `zabbix:${payload.trigger_id}`,
    status: payload.event_value === '1' ? 'firing' : 'resolved',
    severity: ZABBIX_NSEVERITY[payload.event_nseverity],
    title: payload.event_name.slice(0, 150),
    description: payload.trigger_description ?? '',
    host: payload.host_host,
    ip: payload.host_ip || undefined,
    monitoringId: tags.monitoring_id,
    system: tags.system,
    startsAt: startsAt.toISO()!,
    link: payload.event_url || undefined,
  };
}

/** The generic format's alerts, as sent. */
export function fromGeneric(
  payload: Parsed<typeof genericPayloadSchema>,
): ReceivedAlert[] {
  return payload.alerts.map(alert => ({
    source: 'generic',
    fingerprint: `generic:${alert.id}`,
    status: alert.status,
    severity: alert.severity,
    title: alert.title.slice(0, 150),
    description: alert.description,
    host: alert.host,
    ip: alert.ip,
    monitoringId: alert.monitoringId,
    system: alert.system,
    startsAt: alert.startsAt,
    link: alert.link,
  }));
}
