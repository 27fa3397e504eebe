import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { eventually } from '@internal/plugin-court-node/testUtils';
import {
  MonitoringBackend,
  SUBJECTS,
  as,
  startMonitoringBackend,
} from './__testUtils__/backend';

jest.setTimeout(120_000);

/** The source's static token, as the mock auth service reads it. */
const source = (name: keyof typeof SUBJECTS) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(SUBJECTS[name]),
    targetPluginId: 'monitoring',
  });

/** An Alertmanager v4 delivery of the given alerts. */
function alertmanager(
  alerts: Array<{
    status?: 'firing' | 'resolved';
    labels: Record<string, string>;
    startsAt?: string;
    fingerprint?: string;
  }>,
) {
  const status = alerts.every(a => a.status === 'resolved')
    ? 'resolved'
    : 'firing';
  return {
    version: '4',
    groupKey: '{}:{alertname="x"}',
    truncatedAlerts: 0,
    status,
    receiver: 'court-ops',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: alerts.map(a => ({
      status: a.status ?? 'firing',
      labels: { alertname: 'InstanceDown', severity: 'critical', ...a.labels },
      annotations: {
        summary: `${a.labels.alertname ?? 'InstanceDown'} ${
          a.labels.instance ?? ''
        }`,
      },
      startsAt: a.startsAt ?? '2026-12-06T01:59:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      ...(a.fingerprint ? { fingerprint: a.fingerprint } : {}),
    })),
  };
}

const zabbixProblem = {
  event_id: '912345',
  event_value: '1',
  event_name: 'UPS on battery',
  event_nseverity: '4',
  event_severity: 'High',
  event_date: '2026.12.06',
  event_time: '10:15:30',
  event_tags: [{ tag: 'monitoring_id', value: 'zabbix:10084' }],
  trigger_id: '23456',
  host_host: 'UPS-A-B1',
  host_ip: '10.20.0.99',
};

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('monitoring intake on %s', id => {
  let backend: MonitoringBackend;
  const api = () => request(backend.server);

  async function start(config = {}, at?: string) {
    backend = await startMonitoringBackend({
      config,
      at,
      databases: {
        monitoring: await databases.init(id),
        // The desk's own store is tested on both in tickets-backend.
        tickets: await databases.init('SQLITE_3'),
      },
    });
  }
  afterEach(() => backend?.stop());

  async function ticketsOn(entity: string) {
    const { body } = await api()
      .get(`/api/tickets/tickets?entity=${encodeURIComponent(entity)}`)
      .set('Authorization', as('lina'));
    return body.items as Array<Record<string, unknown>>;
  }
  async function ticket(number: string) {
    const { body } = await api()
      .get(`/api/tickets/tickets/${number}`)
      .set('Authorization', as('lina'));
    return body as {
      ticket: Record<string, unknown>;
      events: Array<{ type: string; body?: string }>;
      links: Array<{ target: string }>;
    };
  }
  async function incidents(query = '') {
    const { body } = await api()
      .get(`/api/monitoring/incidents${query}`)
      .set('Authorization', as('lina'));
    return body as Array<Record<string, any>>;
  }
  /** The incidents once every mapped one has its ticket. */
  const filed = () =>
    eventually(async () => {
      const list = await incidents();
      expect(list.filter(i => i.entityRef && !i.ticketNumber)).toEqual([]);
      return list;
    });

  it('files one incident on the device by IP; repeats and retries add occurrences, never tickets', async () => {
    await start();
    const delivery = alertmanager([
      {
        labels: { instance: '10.10.0.1:9116' },
        fingerprint: 'aaaa000000000001',
      },
    ]);
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(
        await api()
          .post('/api/monitoring/alertmanager')
          .set('Authorization', source('alertmanager'))
          .send(delivery),
      );
      await filed();
      await backend.clock.advance({ minutes: 1 });
    }
    expect(answers.map(a => a.status)).toEqual([200, 200, 200]);
    // The first answer comes before the filing; the repeats see its ticket.
    const numbers = answers.map(a => a.body.incidents[0].ticketNumber);
    expect(numbers[0]).toBeUndefined();
    expect(numbers[1]).toMatch(/^INC-2026-\d{5}$/);
    expect(numbers[2]).toBe(numbers[1]);
    numbers[0] = numbers[1];
    expect(answers.map(a => a.body.incidents[0].occurrences)).toEqual([
      1, 2, 3,
    ]);

    const onDevice = await ticketsOn('resource:default/core-sw-1');
    expect(onDevice).toHaveLength(1);
    expect(onDevice[0]).toMatchObject({
      number: numbers[0],
      type: 'incident',
      channel: 'monitoring',
      urgency: 'high',
      impact: 'large',
      sourceRef: 'monitoring:alertmanager:aaaa000000000001:1',
    });
    const [incident] = await incidents('?entityRef=resource:default/core-sw-1');
    expect(incident).toMatchObject({
      fingerprint: 'alertmanager:aaaa000000000001',
      ticketNumber: numbers[0],
      occurrences: 3,
      firstSeen: '2026-12-06T02:00:00.000Z',
      lastSeen: '2026-12-06T02:02:00.000Z',
      status: 'open',
      system: 'system:default/network',
    });
  });

  it('adds one "alert cleared" event when it resolves, and leaves the ticket open by default', async () => {
    await start();
    const firing = {
      labels: { instance: 'core-sw-1' },
      fingerprint: 'bbbb000000000001',
    };
    const { body: first } = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('alertmanager'))
      .send(alertmanager([firing]));
    expect(first.incidents[0].status).toBe('open');
    const number = (await filed())[0].ticketNumber;
    await backend.clock.advance({ minutes: 7 });
    for (let i = 0; i < 2; i++) {
      const res = await api()
        .post('/api/monitoring/alertmanager')
        .set('Authorization', source('alertmanager'))
        .send(alertmanager([{ ...firing, status: 'resolved' }]));
      expect(res.status).toBe(200);
    }
    const detail = await ticket(number);
    const cleared = detail.events.filter(
      e =>
        e.type === 'commented' &&
        e.body?.startsWith('告警已清除 Alert cleared'),
    );
    expect(cleared).toHaveLength(1);
    expect(cleared[0].body).toContain('2026-12-06 10:07:00');
    expect(detail.ticket.status).toBe('new');
    const [incident] = await incidents();
    expect(incident).toMatchObject({
      status: 'cleared',
      clearedAt: '2026-12-06T02:07:00.000Z',
    });
  });

  it('refuses a wrong token with 401, another source or a user with 403, and files nothing', async () => {
    await start();
    const delivery = alertmanager([{ labels: { instance: '10.10.0.1' } }]);
    const wrong = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', 'Bearer not-the-token')
      .send(delivery);
    expect(wrong.status).toBe(401);
    const other = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('zabbix'))
      .send(delivery);
    expect(other.status).toBe(403);
    const user = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', as('lina'))
      .send(delivery);
    expect(user.status).toBe(403);
    expect(await incidents()).toEqual([]);
    expect(await ticketsOn('resource:default/core-sw-1')).toEqual([]);
  });

  it('answers a bad payload with 400 naming the field and keeps it for the desk', async () => {
    await start();
    const bad = alertmanager([{ labels: { instance: '10.10.0.1' } }]);
    (bad.alerts[0] as { startsAt: string }).startsAt = 'soon';
    const res = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('alertmanager'))
      .send(bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.alerts.0.startsAt');
    const letters = await api()
      .get('/api/monitoring/dead-letters')
      .set('Authorization', as('lina'));
    expect(letters.body).toEqual([
      expect.objectContaining({
        source: 'alertmanager',
        receivedAt: '2026-12-06T02:00:00.000Z',
        error: res.body.error.message,
        body: expect.stringContaining('"startsAt":"soon"'),
      }),
    ]);
    expect(await incidents()).toEqual([]);
    const staff = await api()
      .get('/api/monitoring/dead-letters')
      .set('Authorization', as('xuli'));
    expect(staff.status).toBe(403);
  });

  it('files a Zabbix problem by monitoring id and clears it on recovery, one alert per trigger', async () => {
    await start();
    const post = (body: object) =>
      api()
        .post('/api/monitoring/zabbix')
        .set('Authorization', source('zabbix'))
        .send(body);
    const problem = await post(zabbixProblem);
    expect(problem.status).toBe(200);
    const recovery = await post({
      ...zabbixProblem,
      event_value: '0',
      event_recovery_date: '2026.12.06',
      event_recovery_time: '10:30:00',
    });
    expect(recovery.body.incidents[0]).toMatchObject({
      fingerprint: 'zabbix:23456',
      status: 'cleared',
    });
    // Cleared before or after the filer filed it: one ticket with the cleared event.
    const [cleared] = await filed();
    const onDevice = await ticketsOn('resource:default/ups-a-b1');
    expect(onDevice).toHaveLength(1);
    expect(onDevice[0]).toMatchObject({ urgency: 'high', impact: 'medium' });
    await eventually(async () =>
      expect(
        (
          await ticket(cleared.ticketNumber)
        ).events.filter(e => e.body?.startsWith('告警已清除 Alert cleared')),
      ).toHaveLength(1),
    );
    const bad = await post({ ...zabbixProblem, event_value: 'PROBLEM' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('body.event_value');
  });

  it('maps by host name, else files on the system a label names, else lists it as unmapped', async () => {
    await start();
    const post = (body: object) =>
      api()
        .post('/api/monitoring/generic')
        .set('Authorization', source('generic'))
        .send(body);
    const alert = {
      status: 'firing',
      severity: 'minor',
      startsAt: '2026-12-06T09:58:00+08:00',
    };
    const res = await post({
      alerts: [
        {
          ...alert,
          id: 'by-host',
          title: 'CPU high',
          host: 'CORE-SW-1.court.local',
        },
        {
          ...alert,
          id: 'by-system',
          title: 'Link flaps',
          host: 'unknown-box',
          system: 'machine-rooms',
        },
        { ...alert, id: 'nowhere', title: 'Mystery', host: 'unknown-box' },
      ],
    });
    expect(res.status).toBe(200);
    await filed();
    expect(await ticketsOn('resource:default/core-sw-1')).toHaveLength(1);
    expect(await ticketsOn('system:default/machine-rooms')).toHaveLength(1);
    const unmapped = await api()
      .get('/api/monitoring/unmapped')
      .set('Authorization', as('lina'));
    expect(unmapped.body).toEqual([
      expect.objectContaining({
        fingerprint: 'generic:nowhere',
        title: 'Mystery',
      }),
    ]);
    expect(unmapped.body[0].ticketNumber).toBeUndefined();
  });

  it('files one parent incident for a storm and links the alerts of the minute under it', async () => {
    await start({ storm: { alerts: 3 } });
    const alerts = Array.from({ length: 8 }, (_, i) => ({
      labels: { instance: `10.10.1.${i + 1}`, alertname: 'PortDown' },
      fingerprint: `cccc00000000000${i}`,
    }));
    const res = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('alertmanager'))
      .send(alertmanager(alerts));
    expect(res.status).toBe(200);
    const stormed = res.body.incidents.slice(3).map((i: any) => i.ticketNumber);
    expect(new Set(stormed).size).toBe(1);
    const [parent] = stormed;
    // The three of the minute before are filed after the answer, and linked then.
    const own = (await filed())
      .filter(i => !i.stormParent)
      .map(i => i.ticketNumber);
    expect(new Set(own).size).toBe(3);
    expect(own).not.toContain(parent);
    const detail = await eventually(async () => {
      const read = await ticket(parent);
      expect(read.links.map(l => l.target).sort()).toEqual([...own].sort());
      return read;
    });
    expect(detail.ticket).toMatchObject({
      entityRefs: ['system:default/network'],
    });
    expect(
      detail.events.filter(e => e.body?.startsWith('风暴中的告警')),
    ).toHaveLength(5);
    // Every ticket of the system: three of their own and the parent.
    const { body } = await api()
      .get('/api/tickets/tickets?system=system:default/network')
      .set('Authorization', as('lina'));
    expect(body.items).toHaveLength(4);
    // The desk is told once, under the topic paging pages as an alert storm.
    const told = backend.notifications.filter(
      n => n.payload.topic === 'alert-storm',
    );
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/service-desk-post'],
      },
      payload: {
        link: `/tickets/${parent}`,
        severity: 'critical',
        scope: expect.stringMatching(/^monitoring:storm:/),
      },
    });
  });

  it('keeps a flapping alert to one incident, marked flapping', async () => {
    await start({ flapping: { fires: 3, minutes: 30 } });
    const post = (status: 'firing' | 'resolved', startsAt: string) =>
      api()
        .post('/api/monitoring/alertmanager')
        .set('Authorization', source('alertmanager'))
        .send(
          alertmanager([
            {
              status,
              startsAt,
              labels: { instance: '10.10.0.1' },
              fingerprint: 'dddd000000000001',
            },
          ]),
        );
    for (const [minute, status] of [
      [0, 'firing'],
      [3, 'resolved'],
      [5, 'firing'],
      [8, 'resolved'],
    ] as const) {
      await post(status, `2026-12-06T02:0${minute}:00Z`);
      await filed();
      await backend.clock.advance({ minutes: 1 });
    }
    expect((await incidents())[0].flapping).toBe(false);
    await post('firing', '2026-12-06T02:10:00Z');
    const [incident] = await incidents();
    expect(incident).toMatchObject({ flapping: true, status: 'open' });
    expect(await ticketsOn('resource:default/core-sw-1')).toHaveLength(1);
    const detail = await ticket(incident.ticketNumber);
    expect(
      detail.events.filter(e => e.body?.startsWith('告警抖动')),
    ).toHaveLength(1);
    expect(
      detail.events.filter(e => e.body?.startsWith('告警再次触发')),
    ).toHaveLength(2);
  });

  it('files an answered delivery exactly once after a crash before its filing', async () => {
    const monitoring = await databases.init(id);
    const tickets = await databases.init('SQLITE_3');
    const delivery = alertmanager([
      { labels: { instance: '10.10.0.1' }, fingerprint: 'abab000000000001' },
    ]);
    // The first replica answers, cannot reach the desk, and stops.
    const first = await startMonitoringBackend({
      databases: { monitoring, tickets },
      withoutDesk: true,
    });
    const answered = await request(first.server)
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('alertmanager'))
      .send(delivery);
    expect(answered.status).toBe(200);
    await eventually(async () =>
      expect(
        await monitoring('monitoring_outbox').where('attempts', '>', 0),
      ).toHaveLength(1),
    );
    await first.stop();

    // The restarted replica files it once its back-off is over, and the
    // repeats delivered meanwhile file nothing more.
    backend = await startMonitoringBackend({
      databases: { monitoring, tickets },
    });
    const repeat = await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('alertmanager'))
      .send(delivery);
    expect(repeat.body.incidents[0]).toMatchObject({ occurrences: 2 });
    expect(repeat.body.incidents[0].ticketNumber).toBeUndefined();
    expect(await ticketsOn('resource:default/core-sw-1')).toEqual([]);
    await backend.clock.advance({ minutes: 1 });
    const [incident] = await filed();
    expect(incident.occurrences).toBe(2);
    expect(await ticketsOn('resource:default/core-sw-1')).toEqual([
      expect.objectContaining({
        number: incident.ticketNumber,
        sourceRef: 'monitoring:alertmanager:abab000000000001:1',
      }),
    ]);
    expect(await monitoring('monitoring_outbox')).toEqual([]);
  });

  it('makes one incident of concurrent deliveries of one fingerprint, counting each', async () => {
    await start();
    const delivery = alertmanager([
      { labels: { instance: '10.10.0.1' }, fingerprint: 'eeee000000000001' },
    ]);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        api()
          .post('/api/monitoring/alertmanager')
          .set('Authorization', source('alertmanager'))
          .send(delivery),
      ),
    );
    expect(answers.map(a => a.status)).toEqual(Array(12).fill(200));
    await filed();
    expect(await ticketsOn('resource:default/core-sw-1')).toHaveLength(1);
    const [incident] = await incidents();
    expect(incident.occurrences).toBe(12);
  });

  it('files a new incident when the alert fires again after its ticket was resolved', async () => {
    await start({
      sources: {
        alertmanager: { subject: SUBJECTS.alertmanager, autoResolve: true },
      },
    });
    const post = (status: 'firing' | 'resolved', startsAt: string) =>
      api()
        .post('/api/monitoring/alertmanager')
        .set('Authorization', source('alertmanager'))
        .send(
          alertmanager([
            {
              status,
              startsAt,
              labels: { instance: '10.10.0.1' },
              fingerprint: 'ffff000000000001',
            },
          ]),
        );
    await post('firing', '2026-12-06T02:00:00Z');
    const first = (await filed())[0].ticketNumber;
    const { body: detail } = await api()
      .get(`/api/tickets/tickets/${first}`)
      .set('Authorization', as('liuyang'));
    await api()
      .post(`/api/tickets/tickets/${first}/actions`)
      .set('Authorization', as('liuyang'))
      .send({ action: 'acknowledge', version: detail.ticket.version })
      .expect(200);
    await post('resolved', '2026-12-06T02:00:00Z');
    expect((await ticket(first)).ticket.status).toBe('resolved');
    await backend.clock.advance({ hours: 2 });
    const { body: again } = await post('firing', '2026-12-06T04:00:00Z');
    expect(again.incidents[0]).toMatchObject({
      occurrences: 1,
      status: 'open',
    });
    const [next] = await filed();
    expect(next.ticketNumber).toMatch(/^INC-2026-\d{5}$/);
    expect(next.ticketNumber).not.toBe(first);
    expect(await ticketsOn('resource:default/core-sw-1')).toHaveLength(2);
  });

  it('alerts the desk once per silence of a source past its heartbeat', async () => {
    await start({
      sources: {
        alertmanager: { subject: SUBJECTS.alertmanager, heartbeatMinutes: 10 },
      },
    });
    await backend.clock.advance({ minutes: 9 });
    expect(backend.notifications).toHaveLength(0);
    await backend.clock.advance({ minutes: 2 });
    expect(backend.notifications).toHaveLength(1);
    expect(backend.notifications[0]).toMatchObject({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/service-desk-post'],
      },
      payload: {
        topic: 'monitoring-heartbeat',
        scope: 'monitoring:silent:alertmanager',
      },
    });
    await backend.clock.advance({ minutes: 30 });
    expect(backend.notifications).toHaveLength(1);
    const { body: health } = await api()
      .get('/api/monitoring/health')
      .set('Authorization', as('liuyang'));
    expect(health[0]).toMatchObject({
      source: 'alertmanager',
      silent: true,
      heartbeatMinutes: 10,
    });

    // The Watchdog arrives: not silent; silent again 10 minutes later.
    await api()
      .post('/api/monitoring/alertmanager')
      .set('Authorization', source('alertmanager'))
      .send(
        alertmanager([{ labels: { alertname: 'Watchdog', severity: 'none' } }]),
      )
      .expect(200);
    const { body: after } = await api()
      .get('/api/monitoring/health')
      .set('Authorization', as('liuyang'));
    expect(after[0]).toMatchObject({
      silent: false,
      lastDeliveryAt: '2026-12-06T02:41:00.000Z',
    });
    await backend.clock.advance({ minutes: 11 });
    expect(backend.notifications).toHaveLength(2);
  });
});
