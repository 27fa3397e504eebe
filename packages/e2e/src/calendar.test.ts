// Next year's official calendar (issue 22), on a portal whose "today" is in December 2026 with the
// package's data ending in 2026: the court IT office sees the missing-year banner and enters 2027
// on the calendar page; an engineer's device tab says the quarterly round's date is unknown until
// then, and shows it afterwards, without a restart. The 2027 dates are example data, not the
// State Council's notice. On any other day the test is skipped (it says why): the portal runs on
// the wall clock.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

const UPS = 'ups-02'; // machine-room-daily and preventive-quarterly

let portal: RunningPortal;
let browser: Browser;
let itOffice: Page;
let engineer: Page;
let skip: string | undefined;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  const token = await signIn(portal.baseUrl, 'huangjun');
  const res = await fetch(`${portal.baseUrl}/api/calendar/status`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const status = (await res.json()) as { today: string; missingYear?: number };
  if (!status.today.startsWith('2026-12') || status.missingYear !== 2027) {
    skip = `needs a December 2026 "today" with 2027 missing; the portal says ${JSON.stringify(status)}`;
  }
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `calendar-${name}.png`), fullPage: true });

const nextDue = (page: Page) => page.getByTestId('entity-inspections').getByTestId('next-due');

test('the court IT office is warned on the home page', { timeout: 120_000 }, async t => {
  if (skip) return t.skip(skip);
  itOffice = await signedInPage(browser, portal.baseUrl, 'huangjun');
  const banner = itOffice.getByTestId('missing-year-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /2027/);
  await shot(itOffice, '1-banner');
});

test("the engineer's device tab says the date is unknown, not 'no plan'", { timeout: 120_000 }, async t => {
  if (skip) return t.skip(skip);
  engineer = await signedInPage(browser, portal.baseUrl, 'wangqiang');
  await engineer.goto(`${portal.baseUrl}/catalog/default/resource/${UPS}/inspections`);
  const unknown = nextDue(engineer).getByTestId('next-due-unknown');
  await unknown.waitFor();
  assert.match(await unknown.innerText(), /2027/);
  // The daily plan still shows its next December day.
  assert.match(await nextDue(engineer).innerText(), /2026-12-\d\d/);
  await shot(engineer, '2-tab-before');
});

test('the court IT office enters 2027 with a preview, and the tab shows the date', { timeout: 240_000 }, async t => {
  if (skip) return t.skip(skip);
  await itOffice.goto(`${portal.baseUrl}/calendar`);
  const form = itOffice.getByTestId('schedule-form');
  await form.getByText('2027').first().waitFor();
  await itOffice.getByTestId('add-holiday').click();
  await itOffice.getByTestId('holiday-0-name').fill('元旦');
  await itOffice.getByTestId('holiday-0-start').fill('2027-01-01');
  await itOffice.getByTestId('holiday-0-end').fill('2027-01-03');
  await itOffice.getByTestId('add-holiday').click();
  await itOffice.getByTestId('holiday-1-name').fill('春节');
  await itOffice.getByTestId('holiday-1-start').fill('2027-02-06');
  await itOffice.getByTestId('holiday-1-end').fill('2027-02-14');
  await itOffice.getByTestId('add-makeup').click();
  // A weekday first: the form says so and will not save.
  await itOffice.getByTestId('makeup-0-date').fill('2027-02-15');
  await itOffice.getByTestId('schedule-issues').waitFor();
  assert.equal(await itOffice.getByTestId('save-schedule').isDisabled(), true);
  await itOffice.getByTestId('makeup-0-date').fill('2027-02-20');
  await itOffice.getByTestId('schedule-issues').waitFor({ state: 'detached' });
  const preview = itOffice.getByTestId('year-preview');
  assert.equal(await preview.locator('[data-date="2027-02-10"]').getAttribute('data-kind'), 'holiday');
  assert.equal(
    await preview.locator('[data-date="2027-02-20"]').getAttribute('data-kind'),
    'make-up-working-day',
  );
  await itOffice.getByTestId('save-schedule').click();
  await itOffice.getByTestId('save-message').getByText(/1/).waitFor();
  await itOffice.getByTestId('source-2027').waitFor();
  await shot(itOffice, '3-entered');

  // Every backend re-checks the calendar at most every 30 s: no restart.
  const deadline = Date.now() + 90_000;
  for (;;) {
    await engineer.reload();
    await nextDue(engineer).waitFor();
    const text = await nextDue(engineer).innerText();
    if (/2027-01-04/.test(text)) break;
    assert.ok(Date.now() < deadline, `the tab still says: ${text}`);
    await engineer.waitForTimeout(5_000);
  }
  assert.equal(await nextDue(engineer).getByTestId('next-due-unknown').count(), 0);
  await shot(engineer, '4-tab-after');

  await itOffice.goto(portal.baseUrl);
  await itOffice.getByTestId('court-welcome').waitFor();
  assert.equal(await itOffice.getByTestId('missing-year-banner').count(), 0);
});
