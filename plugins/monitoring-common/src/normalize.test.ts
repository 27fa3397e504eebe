import {
  alertmanagerPayloadSchema,
  genericPayloadSchema,
  zabbixPayloadSchema,
} from './payloads';
import { fromAlertmanager, fromGeneric, fromZabbix } from './normalize';

/** A delivery as Alertmanager 0.2x sends it (webhook version 4). */
const alertmanagerDelivery = {
  version: '4',
  groupKey: '{}:{alertname="CoreSwitchDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'court-ops',
  groupLabels: { alertname: 'CoreSwitchDown' },
  commonLabels: { alertname: 'CoreSwitchDown', severity: 'critical' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager.court.local:9093',
  alerts: [
    {
      status: 'firing',
      labels: {
        alertname: 'CoreSwitchDown',
        severity: 'critical',
        instance: '10.10.0.1:9116',
        system: 'network',
      },
      annotations: { summary: '核心交换机不可达', description: 'ICMP lost' },
      startsAt: '2026-12-06T02:00:00.000Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
      fingerprint: 'a1b2c3d4e5f60708',
    },
  ],
};

/** Macros of Zabbix 6.0's media type, for a problem of trigger 23456. */
const zabbixProblem = {
  event_id: '912345',
  event_value: '1',
  event_name: 'UPS on battery',
  event_nseverity: '4',
  event_severity: 'High',
  event_date: '2026.12.06',
  event_time: '10:15:30',
  event_tags: [{ tag: 'system', value: 'machine-rooms' }],
  trigger_id: '23456',
  host_host: 'ups-a-b1',
  host_name: 'UPS A B1',
  host_ip: '10.20.0.5',
};

describe('fromAlertmanager', () => {
  it('keeps Alertmanager fingerprint and reads the instance as an IP', () => {
    const [alert] = fromAlertmanager(
      alertmanagerPayloadSchema.parse(alertmanagerDelivery),
    );
    expect(alert).toEqual({
      source: 'alertmanager',
      fingerprint: 'alertmanager:a1b2c3d4e5f60708',
      status: 'firing',
      severity: 'critical',
      title: '核心交换机不可达',
      description: 'ICMP lost',
      host: undefined,
      ip: '10.10.0.1',
      monitoringId: undefined,
      system: 'network',
      startsAt: '2026-12-06T02:00:00.000Z',
      link: 'http://prometheus:9090/graph?g0.expr=up',
    });
  });

  it('fingerprints by labels without Alertmanager fingerprint, and reads a host name', () => {
    const { fingerprint: _, ...withoutFingerprint } =
      alertmanagerDelivery.alerts[0];
    const payload = {
      ...alertmanagerDelivery,
      alerts: [
        {
          ...withoutFingerprint,
          labels: { ...withoutFingerprint.labels, instance: 'core-sw-1:9100' },
        },
      ],
    };
    const [alert] = fromAlertmanager(alertmanagerPayloadSchema.parse(payload));
    expect(alert.fingerprint).toMatch(/^alertmanager:[0-9a-f]{14}$/);
    expect(alert.host).toBe('core-sw-1');
    expect(alert.ip).toBeUndefined();
  });

  it('names the field of a bad alert', () => {
    const result = alertmanagerPayloadSchema.safeParse({
      ...alertmanagerDelivery,
      alerts: [{ ...alertmanagerDelivery.alerts[0], startsAt: 'yesterday' }],
    });
    expect(result.error?.issues[0].path).toEqual(['alerts', 0, 'startsAt']);
  });
});

describe('fromZabbix', () => {
  it('reads a problem in the Zabbix server zone, one alert per trigger', () => {
    expect(
      fromZabbix(zabbixPayloadSchema.parse(zabbixProblem), 'Asia/Shanghai'),
    ).toMatchObject({
      fingerprint: 'zabbix:23456',
      status: 'firing',
      severity: 'major',
      host: 'ups-a-b1',
      ip: '10.20.0.5',
      system: 'machine-rooms',
      startsAt: '2026-12-06T10:15:30.000+08:00',
    });
  });

  it('reads the recovery of the same trigger as resolved', () => {
    const recovery = {
      ...zabbixProblem,
      event_value: '0',
      event_recovery_date: '2026.12.06',
      event_recovery_time: '10:40:00',
    };
    expect(
      fromZabbix(zabbixPayloadSchema.parse(recovery), 'Asia/Shanghai'),
    ).toMatchObject({ fingerprint: 'zabbix:23456', status: 'resolved' });
  });

  it.each([
    ['event_value', '2'],
    ['event_date', '2026-12-06'],
    ['event_date', '2026.02.30'],
    ['event_nseverity', '9'],
    ['trigger_id', 'abc'],
  ])('refuses %s = %s naming it', (field, value) => {
    const result = zabbixPayloadSchema.safeParse({
      ...zabbixProblem,
      [field]: value,
    });
    expect(result.error?.issues[0].path).toEqual([field]);
  });
});

describe('fromGeneric', () => {
  it('takes the id as the fingerprint and refuses unknown fields', () => {
    const payload = {
      alerts: [
        {
          id: 'room-b1-temp',
          status: 'firing',
          severity: 'minor',
          title: '机房温度高',
          startsAt: '2026-12-06T10:00:00+08:00',
          monitoringId: 'env-b1',
        },
      ],
    };
    expect(fromGeneric(genericPayloadSchema.parse(payload))[0]).toMatchObject({
      fingerprint: 'generic:room-b1-temp',
      monitoringId: 'env-b1',
      severity: 'minor',
    });
    const extra = genericPayloadSchema.safeParse({
      alerts: [{ ...payload.alerts[0], colour: 'red' }],
    });
    expect(extra.success).toBe(false);
  });
});
