// A fault from report to call-back in the browser: court staff file it against a courtroom
// recorder, an engineer works it, the desk calls back; clocks, history and the device's tabs show it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { exampleCourt } from './catalog.ts';
import { levelRules, type ClockRule } from './court-calendar.ts';
import { portalForTest, type RunningPortal } from './portal.ts';

let portal: RunningPortal;
let browser: Browser;
let staff: Page;
let engineer: Page;
let desk: Page;
let number = '';

const recorder = exampleCourt().find(
  e => e.kind === 'Resource' && e.spec?.type === 'courtroom-recorder',
)!;
const recorderRef = `resource:default/${recorder.metadata.name}`;
const title = `${recorder.metadata.title ?? recorder.metadata.name} 庭审录像无声音 ${Date.now()}`;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The minutes a short target rule names: its target, and the one outside hours if any. */
function targetMinutes(rule: ClockRule | null): number[] {
  const targets = [rule?.targetMs, rule?.outsideHours?.targetMs].filter(
    (ms): ms is number => typeof ms === 'number',
  );
  assert.ok(targets.length > 0, 'the level has a target');
  // Minutes are how the preview words targets under an hour.
  assert.ok(targets.every(ms => ms < 3_600_000));
  return targets.map(ms => ms / 60_000);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `service-desk-${name}.png`), fullPage: true });

async function clockState(page: Page, clock: string) {
  return page.getByTestId(`clock-${clock}`).getAttribute('data-state');
}

async function waitForClock(page: Page, clock: string, state: string) {
  await page.locator(`[data-testid="clock-${clock}"][data-state="${state}"]`).waitFor();
}

test('court staff file a fault against a courtroom recorder and see its level first', { timeout: 180_000 }, async () => {
  staff = await signedInPage(browser, portal.baseUrl, 'xuli');
  await staff.goto(`${portal.baseUrl}/tickets`);
  await staff.getByTestId('requester-view').waitFor();

  await staff.goto(`${portal.baseUrl}/tickets/new?entity=${encodeURIComponent(recorderRef)}`);
  const form = staff.getByTestId('new-ticket-form');
  await form.waitFor();
  await staff.getByTestId('ticket-title').fill(title);
  await staff.getByTestId('ticket-urgency').selectOption('high');
  await staff.getByTestId('ticket-impact').selectOption('medium');
  // high × medium is L2 (二级); the preview shows the targets of the portal's active policy
  // (the contract: respond in 10 minutes, on site in 15, or 30 when filed outside on-site hours).
  const preview = staff.getByTestId('ticket-level-preview');
  await preview.getByText('二级').first().waitFor();
  const l2 = await levelRules(portal.baseUrl, 'L2');
  for (const clock of ['response', 'arrival'] as const) {
    const row = await preview.getByTestId(`preview-target-${clock}`).innerText();
    for (const minutes of targetMinutes(l2[clock])) {
      assert.match(row, new RegExp(`(^|\\D)${minutes} 分钟`), `${clock}: ${row}`);
    }
  }
  await shot(staff, '1-new-ticket');
  await staff.getByTestId('ticket-submit').click();

  await staff.waitForURL(/\/tickets\/INC-\d{4}-\d{5}$/);
  number = (await staff.getByTestId('ticket-number').innerText()).trim();
  assert.match(number, /^INC-\d{4}-\d{5}$/);
  await waitForClock(staff, 'response', 'running');
  // Court staff follow their ticket but cannot work it.
  assert.equal(await staff.getByTestId('action-acknowledge').count(), 0);
  await shot(staff, '2-reported');
});

test('an engineer sees it in the queue, acknowledges, arrives on site and resolves it', { timeout: 180_000 }, async () => {
  engineer = await signedInPage(browser, portal.baseUrl, 'wangqiang');
  await engineer.goto(`${portal.baseUrl}/tickets`);
  const row = engineer.getByTestId(`ticket-row-${number}`);
  await row.waitFor();
  await shot(engineer, '3-queue');

  await engineer.goto(`${portal.baseUrl}/tickets/${number}`);
  await engineer.getByTestId('action-acknowledge').click();
  await waitForClock(engineer, 'response', 'met');
  await engineer.getByTestId('action-arrive').click();
  await waitForClock(engineer, 'arrival', 'met');
  await waitForClock(engineer, 'resolution', 'running');

  await engineer.getByTestId('action-resolve').click();
  await engineer.getByTestId('field-resolution').fill('更换录音模块音频线，试录正常');
  await engineer.getByTestId('action-confirm').click();
  await waitForClock(engineer, 'resolution', 'met');
  await engineer.getByTestId('action-call-back').waitFor();
  await shot(engineer, '4-resolved');
});

test('the desk calls the reporter back and the ticket closes with its history', { timeout: 180_000 }, async () => {
  desk = await signedInPage(browser, portal.baseUrl, 'lina');
  await desk.goto(`${portal.baseUrl}/tickets/${number}`);
  await desk.getByTestId('action-call-back').click();
  await desk.getByTestId('field-outcome').selectOption('satisfied');
  await desk.getByTestId('field-satisfaction').selectOption('5');
  await desk.getByTestId('field-note').fill('徐丽确认庭审录像声音正常');
  await desk.getByTestId('action-confirm').click();
  await desk.getByTestId('action-confirm').waitFor({ state: 'detached' });

  const timeline = desk.getByTestId('ticket-timeline');
  await timeline.getByText('徐丽确认庭审录像声音正常').waitFor();
  assert.equal(await desk.getByTestId('action-call-back').count(), 0);
  for (const clock of ['response', 'arrival', 'resolution']) {
    assert.equal(await clockState(desk, clock), 'met');
  }
  // created, acknowledged, arrived, resolved, called back, closed
  assert.ok((await timeline.locator('[data-testid^="event-"]').count()) >= 6);
  await shot(desk, '5-closed');
});

test("the device's Tickets and SLA tabs show the ticket and this month's clocks", { timeout: 180_000 }, async () => {
  const devicePage = `${portal.baseUrl}/catalog/default/resource/${recorder.metadata.name}`;
  await desk.goto(`${devicePage}/tickets`);
  await desk.getByTestId('entity-tickets').getByTestId(`ticket-row-${number}`).waitFor();
  await shot(desk, '6-device-tickets');

  await desk.goto(`${devicePage}/sla`);
  const sla = desk.getByTestId('entity-sla');
  await sla.getByTestId('policy-targets').waitFor();
  await sla.getByTestId('compliance-response-L2').waitFor();
  await shot(desk, '7-device-sla');
});

test('court staff see where their report stands, and the home page has the SLA card', { timeout: 120_000 }, async () => {
  await staff.goto(`${portal.baseUrl}/tickets`);
  await staff.getByTestId('requester-view').getByTestId(`ticket-row-${number}`).waitFor();
  await shot(staff, '8-my-reports');
  await desk.goto(portal.baseUrl);
  await desk.getByTestId('sla-at-risk-card').waitFor();
  await shot(desk, '9-home');
});
