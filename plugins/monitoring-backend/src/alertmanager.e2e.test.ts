import { mockCredentials } from '@backstage/backend-test-utils';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  MonitoringBackend,
  SUBJECTS,
  as,
  startMonitoringBackend,
} from './__testUtils__/backend';

/**
 * End to end with a real Prometheus Alertmanager (Debian's
 * prometheus-alertmanager, installed by .ci/run): alerts posted to its API v2
 * reach the intake through its webhook, with short group and repeat intervals
 * and a receiver that answers 500 once.
 */
const BINARY = '/usr/bin/prometheus-alertmanager';
const present = fs.existsSync(BINARY);
if (!present && !process.env.CI) {
  // eslint-disable-next-line no-console
  console.warn(
    `${BINARY} is not installed: the Alertmanager end-to-end test is skipped (apt-get install prometheus-alertmanager; in CI it runs)`,
  );
}
const describeWithAlertmanager =
  present || process.env.CI ? describe : describe.skip;

jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** Polls until `check` gives a value, for at most `seconds`. */
async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  seconds = 60,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** Forwards Alertmanager's webhooks to the backend; the first answers 500. */
function faultyReceiver(target: () => number) {
  const log: { status: number; alerts: number }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (log.length === 0) {
      log.push({ status: 500, alerts: 0 });
      res.writeHead(500).end('receiver down');
      return;
    }
    const answer = await fetch(`http://127.0.0.1:${target()}${req.url}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: String(req.headers.authorization),
      },
      body,
    });
    log.push({ status: answer.status, alerts: JSON.parse(body).alerts.length });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(await answer.text());
  });
  return { server, log };
}

describeWithAlertmanager('a real Alertmanager delivering to the intake', () => {
  let backend: MonitoringBackend;
  let alertmanager: ChildProcess;
  let amUrl: string;
  let dir: string;
  const receiver = faultyReceiver(
    () => (backend.server.address() as AddressInfo).port,
  );
  const api = () => request(backend.server);

  beforeAll(async () => {
    if (!present) throw new Error(`${BINARY} is required in CI`);
    backend = await startMonitoringBackend();
    await new Promise<void>(resolve =>
      receiver.server.listen(0, '127.0.0.1', resolve),
    );
    const receiverPort = (receiver.server.address() as AddressInfo).port;
    const amPort = await freePort();
    amUrl = `http://127.0.0.1:${amPort}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alertmanager-'));
    const token = mockCredentials.service.token({
      onBehalfOf: mockCredentials.service(SUBJECTS.alertmanager),
      targetPluginId: 'monitoring',
    });
    fs.writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      [
        'route:',
        '  receiver: court-ops',
        "  group_by: ['alertname', 'instance']",
        '  group_wait: 1s',
        '  group_interval: 2s',
        '  repeat_interval: 3s',
        'receivers:',
        '  - name: court-ops',
        '    webhook_configs:',
        `      - url: http://127.0.0.1:${receiverPort}/api/monitoring/alertmanager`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        '            type: Bearer',
        `            credentials: ${JSON.stringify(token)}`,
        '',
      ].join('\n'),
    );
    alertmanager = spawn(
      BINARY,
      [
        `--config.file=${path.join(dir, 'alertmanager.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await eventually('Alertmanager to be ready', async () => {
      const ready = await fetch(`${amUrl}/-/ready`).catch(() => undefined);
      return ready?.ok ? true : undefined;
    });
  });

  afterAll(async () => {
    if (alertmanager && alertmanager.exitCode === null) {
      const exited = new Promise(resolve => alertmanager.once('exit', resolve));
      alertmanager.kill('SIGTERM');
      await exited;
    }
    await new Promise(resolve => receiver.server.close(resolve));
    await backend?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const labels = {
    coreSwitch: {
      alertname: 'CoreSwitchDown',
      instance: '10.10.0.1:9116',
      severity: 'critical',
    },
    ups: {
      alertname: 'UpsOnBattery',
      instance: '10.20.0.5:9116',
      severity: 'major',
    },
  };

  async function postAlerts(alerts: object[]) {
    const res = await fetch(`${amUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(res.status).toBe(200);
  }

  async function incidentOf(entity: string) {
    const { body } = await api()
      .get(`/api/monitoring/incidents?entityRef=${encodeURIComponent(entity)}`)
      .set('Authorization', as('lina'));
    return body[0] as
      | { ticketNumber?: string; occurrences: number; status: string }
      | undefined;
  }

  async function ticketsOn(entity: string) {
    const { body } = await api()
      .get(`/api/tickets/tickets?entity=${encodeURIComponent(entity)}`)
      .set('Authorization', as('lina'));
    return body.items as Array<{ number: string }>;
  }

  it('files one incident per alert despite a 500, repeats add occurrences, a resolve adds the cleared event', async () => {
    await postAlerts([
      {
        labels: labels.coreSwitch,
        annotations: { summary: '核心交换机不可达' },
      },
      { labels: labels.ups, annotations: { summary: 'UPS 市电中断' } },
    ]);
    const core = await eventually('the core switch incident', async () => {
      const incident = await incidentOf('resource:default/core-sw-1');
      return incident?.ticketNumber ? incident : undefined;
    });
    await eventually(
      'the UPS incident',
      async () => (await incidentOf('resource:default/ups-a-b1'))?.ticketNumber,
    );
    expect(receiver.log[0].status).toBe(500);

    // Alertmanager repeats the firing alert every repeat interval.
    const repeated = await eventually('repeated notifications', async () => {
      const incident = await incidentOf('resource:default/core-sw-1');
      return incident && incident.occurrences >= 3 ? incident : undefined;
    });
    expect(repeated.ticketNumber).toBe(core.ticketNumber);
    expect(await ticketsOn('resource:default/core-sw-1')).toHaveLength(1);
    expect(await ticketsOn('resource:default/ups-a-b1')).toHaveLength(1);

    // Resolve: the alert again with its end at Alertmanager's own start instant.
    const active = (await (await fetch(`${amUrl}/api/v2/alerts`)).json()) as {
      labels: Record<string, string>;
      startsAt: string;
    }[];
    const firing = active.find(a => a.labels.alertname === 'CoreSwitchDown')!;
    const endsAt = new Date(Date.parse(firing.startsAt) + 1).toISOString();
    await postAlerts([
      { labels: labels.coreSwitch, startsAt: firing.startsAt, endsAt },
    ]);
    await eventually('the cleared incident', async () => {
      const incident = await incidentOf('resource:default/core-sw-1');
      return incident?.status === 'cleared' ? incident : undefined;
    });
    const { body: detail } = await api()
      .get(`/api/tickets/tickets/${core.ticketNumber}`)
      .set('Authorization', as('lina'));
    const cleared = detail.events.filter(
      (e: { type: string; body?: string }) =>
        e.type === 'commented' && e.body?.startsWith('告警已清除'),
    );
    expect(cleared).toHaveLength(1);

    // A repeat interval later still one ticket each, every delivery answered.
    const delivered = receiver.log.length;
    await eventually('another notification', async () =>
      receiver.log.length > delivered + 1 ? true : undefined,
    );
    expect(await ticketsOn('resource:default/core-sw-1')).toHaveLength(1);
    expect(await ticketsOn('resource:default/ups-a-b1')).toHaveLength(1);
    expect(receiver.log.slice(1).every(d => d.status === 200)).toBe(true);
  });
});
