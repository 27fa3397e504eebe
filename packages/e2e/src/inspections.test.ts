// An inspection round on a phone: an engineer walks the office building, records a UPS battery
// below its limit, sees the incident it opened (and the service desk has it), and the device's
// Inspections tab shows the failure. The round is an ad-hoc one ("inspect now"), so the test runs
// the same on a working day, a weekend or a holiday; today's scheduled rounds are checked against
// the API.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { courtToday, isWorkingDay } from './court-calendar.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

const PHONE = { width: 390, height: 844 };
const UPS = 'ups-01'; // UPS 1号, 综合办公楼 5F UPS 电池室 (building B)

let portal: RunningPortal;
let browser: Browser;
let phone: Page;
let incident = '';

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The whole page, or on the long route list the phone's screen as the engineer sees it. */
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({
    path: join(screenshots, `inspections-${name}.png`),
    fullPage,
  });

async function api<T>(user: string, path: string): Promise<T> {
  const token = await signIn(portal.baseUrl, user);
  const res = await fetch(`${portal.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(
    res.status,
    200,
    `${path}: ${res.status} ${await res.clone().text()}`,
  );
  return (await res.json()) as T;
}

test(
  "an engineer on a phone sees today's rounds",
  { timeout: 180_000 },
  async () => {
    const before = courtToday();
    type Today = { date: string; workingDay: boolean; rounds: unknown[] };
    let fromApi = await api<Today>('wangqiang', '/api/inspections/rounds');
    // The generator runs shortly after the portal starts: open the page once today's rounds
    // exist, or the page may have read the day before they did.
    for (let i = 0; i < 60 && fromApi.workingDay && fromApi.rounds.length === 0; i++) {
      await new Promise(r => setTimeout(r, 1000));
      fromApi = await api<Today>('wangqiang', '/api/inspections/rounds');
    }
    phone = await signedInPage(browser, portal.baseUrl, 'wangqiang', PHONE);
    await phone.goto(`${portal.baseUrl}/inspections`);
    const today = phone.getByTestId('today-rounds');
    await today.waitFor();
    // Today in Beijing (the day may turn during the call), classed by the official calendar.
    assert.ok([before, courtToday()].includes(fromApi.date), fromApi.date);
    assert.equal(fromApi.workingDay, isWorkingDay(fromApi.date), fromApi.date);
    assert.equal(
      await today.getAttribute('data-working-day'),
      String(fromApi.workingDay),
    );
    // The generator ran at start: a working day has its scheduled rounds.
    assert.ok(
      !fromApi.workingDay || fromApi.rounds.length > 0,
      'no rounds on a working day',
    );
    assert.equal(
      await today.locator('[data-testid^="round-"]').count(),
      fromApi.rounds.length,
    );
    await shot(phone, '1-today');
  },
);

test(
  'runs a round of the office building and records a low UPS battery',
  { timeout: 180_000 },
  async () => {
    await phone.getByTestId('adhoc-building').selectOption('B');
    await phone.getByTestId('adhoc-start').click();
    await phone.waitForURL(/\/inspections\/rounds\/[0-9a-f-]{36}$/);
    await phone.getByTestId('round-runner').waitFor();
    await shot(phone, '2-route', false);

    await phone.getByTestId(`open-${UPS}`).click();
    const checklist = phone.getByTestId(`checklist-${UPS}`);
    await checklist.waitFor();
    await checklist.getByTestId('input-battery-charge').fill('35');
    // Flagged as soon as it is typed, before it is saved.
    await checklist.getByTestId('flag-battery-charge').waitFor();
    await checklist.getByTestId('item-battery-charge').scrollIntoViewIfNeeded();
    await shot(phone, '3-out-of-limits', false);

    await checklist.getByTestId('save-battery-charge').click();
    const link = checklist.getByTestId('incident-battery-charge');
    await link.waitFor();
    incident = (await link.innerText()).match(/INC-\d{4}-\d{5}/)?.[0] ?? '';
    assert.match(incident, /^INC-\d{4}-\d{5}$/);
    await checklist.getByTestId('pass-no-alarms').click();
    await checklist
      .locator('[data-testid="state-no-alarms"][data-phase="saved"]')
      .waitFor();
    await checklist.getByTestId('item-battery-charge').scrollIntoViewIfNeeded();
    await shot(phone, '4-incident', false);
  },
);

test(
  'the incident is in the service desk, filed by the engineer against the UPS',
  { timeout: 120_000 },
  async () => {
    const { ticket } = await api<{ ticket: Record<string, unknown> }>(
      'lina',
      `/api/tickets/tickets/${incident}`,
    );
    assert.equal(ticket.type, 'incident');
    assert.equal(ticket.channel, 'inspection');
    assert.equal(ticket.reporter, 'user:default/wangqiang');
    assert.deepEqual(ticket.entityRefs, [`resource:default/${UPS}`]);

    await phone
      .getByTestId(`checklist-${UPS}`)
      .getByTestId('incident-battery-charge')
      .click();
    await phone.waitForURL(new RegExp(`/tickets/${incident}$`));
    await phone.getByTestId('ticket-number').getByText(incident).waitFor();
    await shot(phone, '5-ticket');
  },
);

test(
  "the UPS's Inspections tab shows the failure and its incident",
  { timeout: 120_000 },
  async () => {
    await phone.goto(
      `${portal.baseUrl}/catalog/default/resource/${UPS}/inspections`,
    );
    const tab = phone.getByTestId('entity-inspections');
    await tab.waitFor();
    await tab.getByTestId('failure-battery-charge').first().waitFor();
    assert.equal(
      (
        await tab
          .getByTestId('failure-incident-battery-charge')
          .first()
          .innerText()
      ).trim(),
      incident,
    );
    await shot(phone, '6-device-tab');
  },
);

test(
  "scanning the UPS's label opens its checklist in the round",
  { timeout: 120_000 },
  async () => {
    await phone.goto(`${portal.baseUrl}/inspections/scan/default/${UPS}`);
    await phone.waitForURL(/\/inspections\/rounds\/[0-9a-f-]{36}\?check=/);
    await phone.getByTestId(`checklist-${UPS}`).waitFor();
    await shot(phone, '7-scan', false);

    await phone.goto(portal.baseUrl);
    await phone.getByTestId('todays-rounds-card').waitFor();
    await shot(phone, '8-home');
  },
);

test(
  'the court IT office reads coverage with the overdue list, and prints labels',
  { timeout: 120_000 },
  async () => {
    const office = await signedInPage(browser, portal.baseUrl, 'huangjun');
    await office.goto(`${portal.baseUrl}/inspections?tab=coverage`);
    const totals = office.getByTestId('coverage-totals');
    await totals.waitFor();
    const devices = Number(
      await totals.getByTestId('total-devices').locator('h4').innerText(),
    );
    const fromApi = await api<{ totals: { devices: number } }>(
      'huangjun',
      `/api/inspections/coverage?from=${await office
        .getByTestId('coverage-from')
        .inputValue()}&to=${await office
        .getByTestId('coverage-to')
        .inputValue()}`,
    );
    assert.equal(devices, fromApi.totals.devices);
    await shot(office, '9-coverage');

    await office.goto(`${portal.baseUrl}/inspections?tab=labels`);
    await office.getByTestId('label-page-1').waitFor();
    await shot(office, '10-labels');
  },
);
