// Monitoring intake (issue 16) in the browser: Alertmanager posts an alert on the main UPS with
// its own token; the status board turns its system (机房系统) red, the desk 李娜 opens the incident
// from the open-alerts card on her home and reads the ticket. The duty room's wall turns a second
// system red when its alert arrives, on the signal (before its 30-second poll could), and both
// systems are green again once the alerts are resolved.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, repoRoot, type RunningPortal } from './portal.ts';

/** The Alertmanager source's token in the test's config (a test value, not a secret). */
const CONFIG = join(repoRoot, 'packages/e2e/config/monitoring.app-config.yaml');
const TOKEN = 'e2e-test-alertmanager-token';

/** Under the wall's fallback poll (POLL_MILLISECONDS, 30 s): an update this soon came by signal. */
const SIGNAL_MS = 15_000;

let portal: RunningPortal;
let browser: Browser;

// Unique per run, so a portal kept running between runs sees new alerts.
const run = Date.now().toString(16);
const ups = {
  fingerprint: `e2eups${run}`,
  instance: '10.10.0.101:9100', // ups-01 (court-ops.io/ip), system machine-rooms
  summary: `UPS 1号 市电中断 ${run}`,
  system: 'system:default/machine-rooms',
};
const display = {
  fingerprint: `e2edisplay${run}`,
  instance: '10.50.0.31:9100', // an information-display device
  summary: `信息发布屏离线 ${run}`,
  system: 'system:default/information-display',
};
type Alert = typeof ups;

before(async () => {
  portal = await portalForTest({ configs: [CONFIG] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `monitoring-${name}.png`), fullPage: true });

/** What Alertmanager's webhook posts (version 4) for one alert. */
async function deliver(alert: Alert, status: 'firing' | 'resolved', token = TOKEN) {
  const res = await fetch(`${portal.baseUrl}/api/monitoring/alertmanager`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      version: '4',
      groupKey: `{}:{alertname="NodeDown"}`,
      truncatedAlerts: 0,
      status,
      receiver: 'court-ops',
      groupLabels: { alertname: 'NodeDown' },
      commonLabels: { alertname: 'NodeDown' },
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      alerts: [
        {
          status,
          labels: { alertname: 'NodeDown', severity: 'critical', instance: alert.instance },
          annotations: { summary: alert.summary },
          startsAt: '2026-12-06T01:59:00Z',
          endsAt: status === 'resolved' ? '2026-12-06T02:09:00Z' : '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus:9090/graph',
          fingerprint: alert.fingerprint,
        },
      ],
    }),
  });
  return { status: res.status, body: (await res.json()) as { received: number } };
}

const tile = (page: Page, system: string, colour?: string) =>
  page.locator(
    `[data-testid="monitoring-tile-${system}"]${colour ? `[data-colour="${colour}"]` : ''}`,
  );

let desk: Page;
let wall: Page;

test('a wrong token is refused and changes nothing', async () => {
  const refused = await deliver(ups, 'firing', 'not-the-alertmanager-token');
  assert.equal(refused.status, 401);
});

test('an alert turns its system red on the board; the desk opens its incident from the home card', {
  timeout: 240_000,
}, async () => {
  desk = await signedInPage(browser, portal.baseUrl, 'lina');
  await desk.goto(`${portal.baseUrl}/monitoring`);
  await tile(desk, ups.system).waitFor();
  assert.notEqual(await tile(desk, ups.system).getAttribute('data-colour'), 'red');

  const answer = await deliver(ups, 'firing');
  assert.deepEqual([answer.status, answer.body.received], [200, 1]);
  // Live, without reloading the page.
  await tile(desk, ups.system, 'red').waitFor({ timeout: SIGNAL_MS });
  await tile(desk, ups.system).getByText(ups.summary).waitFor();
  await shot(desk, '1-board-red');

  await desk.goto(`${portal.baseUrl}/`);
  const card = desk.getByTestId('monitoring-open-alerts-card');
  const item = card.locator('li', { hasText: ups.summary });
  // The incident is filed just after the delivery's answer; the card shows it when filed.
  const link = item.locator('[data-testid^="monitoring-incident-"]');
  await link.waitFor({ timeout: 60_000 });
  const number = (await link.innerText()).trim();
  assert.match(number, /^INC-/);
  await shot(desk, '2-home-card');

  await link.click();
  await desk.getByTestId('ticket-number').getByText(number).waitFor();
  await desk.getByText(ups.summary).first().waitFor();
  await shot(desk, '3-ticket');
});

test('the wall turns a second system red on the signal, and green again once resolved', {
  timeout: 180_000,
}, async () => {
  const signals: string[] = [];
  wall = await signedInPage(browser, portal.baseUrl, 'lina', { width: 1920, height: 1080 });
  wall.on('websocket', socket =>
    socket.on('framereceived', frame => {
      if (typeof frame.payload === 'string' && frame.payload.includes('monitoring:alerts')) {
        signals.push(frame.payload);
      }
    }),
  );
  await wall.goto(`${portal.baseUrl}/monitoring/wall`);
  await wall.getByTestId('monitoring-wall').waitFor();
  await tile(wall, display.system).waitFor();
  assert.notEqual(await tile(wall, display.system).getAttribute('data-colour'), 'red');
  // The signals socket is open once the page subscribed; give it a moment to connect.
  await wall.waitForTimeout(2_000);

  const answer = await deliver(display, 'firing');
  assert.equal(answer.status, 200);
  await tile(wall, display.system, 'red').waitFor({ timeout: SIGNAL_MS });
  assert.ok(signals.length > 0, 'the wall received the monitoring:alerts signal');
  await shot(wall, '4-wall-red');

  for (const alert of [ups, display]) {
    assert.equal((await deliver(alert, 'resolved')).status, 200);
  }
  // Cleared alerts never colour a system.
  await tile(wall, display.system, 'green').waitFor({ timeout: SIGNAL_MS });
  await tile(wall, ups.system, 'green').waitFor({ timeout: SIGNAL_MS });
  await shot(wall, '5-wall-green');
});
