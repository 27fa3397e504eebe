// The document archive (issue 14) in the browser: the ops manager 孙磊 registers a document with
// its file and runs 季度文档汇编 on the Create page, which binds the last ended quarter and
// archives the volume; the court IT office 黄军 finds both in the archive and opens them.
// The volume's generated contents come from the reports, tickets and inspections figures APIs; on
// a portal without them (the reports family not merged yet) the volume tests are skipped and say
// why.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

// A 1×1 PNG: the archive checks a file's type by its content, so it must be a real one.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const title = `UPS 电池更换记录 ${Date.now().toString(36)}`;

let portal: RunningPortal;
let browser: Browser;
let opsManager: Page;
let registered: string;
let volume: string;
let noVolume: string | undefined;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  await templateInCatalog('quarterly-volume');
  noVolume = await volumeUnavailable();
});

/** Why the last ended quarter's volume cannot be compiled on this portal, if it cannot: a dry run. */
async function volumeUnavailable(): Promise<string | undefined> {
  const token = await signIn(portal.baseUrl, 'sunlei');
  const today = new Date();
  const quarter = Math.floor(today.getUTCMonth() / 3); // the last ended one, 0 = Q4 of last year
  const res = await fetch(`${portal.baseUrl}/api/archive/volumes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      year: quarter === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear(),
      quarter: quarter === 0 ? 4 : quarter,
      dryRun: true,
    }),
  });
  return res.ok
    ? undefined
    : `the volume's dry run answers ${res.status}: ${(await res.text()).slice(0, 200)}`;
}

after(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The catalog reads the templates' location after the court's: wait until the template is in. */
async function templateInCatalog(name: string) {
  const token = await signIn(portal.baseUrl, 'sunlei');
  for (let attempt = 0; attempt < 120; attempt++) {
    const res = await fetch(
      `${portal.baseUrl}/api/catalog/entities/by-name/template/default/${name}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (res.ok) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`template ${name} did not appear in the catalog`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `archive-${name}.png`), fullPage: true });

test('the ops manager registers a document with its file; a wrong type is refused naming the file', { timeout: 240_000 }, async () => {
  opsManager = await signedInPage(browser, portal.baseUrl, 'sunlei');
  await opsManager.goto(`${portal.baseUrl}/archive`);
  await opsManager.getByTestId('archive-register').click();
  const form = opsManager.getByTestId('archive-register-form');
  await form.getByTestId('register-class').selectOption('om');
  await form.getByTestId('register-title').fill(title);
  await form.getByTestId('register-date').fill('2026-11-20');
  await form.getByTestId('register-tickets').fill('INC-2026-00042');
  const systems = form.getByTestId('register-systems');
  await systems.click();
  // The options load after the dialog opens: type once they are listed, not while they arrive.
  await opsManager.getByRole('listbox').getByRole('option').first().waitFor();
  await systems.fill('机房系统');
  await opsManager.getByRole('option').filter({ hasText: '机房系统' }).first().click();
  const picked = form
    .locator('.MuiAutocomplete-root', { has: opsManager.getByTestId('register-systems') })
    .locator('.MuiChip-label');
  await picked.first().waitFor();
  assert.deepEqual(await picked.allTextContents(), ['机房系统']);
  // PNG content under a PDF's name: registered, but the file is refused and the form says why.
  await form
    .getByTestId('register-file')
    .setInputFiles({ name: 'UPS电池更换.pdf', mimeType: 'application/pdf', buffer: PNG });
  await form.getByTestId('register-submit').click();
  await form.getByText(/^its content is png but its name/).waitFor();
  await shot(opsManager, '1-file-refused');

  await form
    .getByTestId('register-file')
    .setInputFiles({ name: 'UPS电池更换.png', mimeType: 'image/png', buffer: PNG });
  await form.getByTestId('register-submit').click();
  await opsManager.waitForURL(/\/archive\/documents\/[^/]+$/);
  registered = (await opsManager.getByTestId('archive-document-number').innerText()).trim();
  assert.match(registered, /^YW-2026-\d{4}$/);
  const versions = opsManager.getByTestId('archive-version');
  assert.equal(await versions.count(), 1);
  assert.match(await versions.first().innerText(), /UPS电池更换\.png/);
  assert.match(await versions.first().innerText(), /[0-9a-f]{64}/);
  await shot(opsManager, '2-registered');
});

test('the ops manager runs 季度文档汇编 on the Create page and opens the volume', { timeout: 300_000 }, async t => {
  if (noVolume) return t.skip(noVolume);
  await opsManager.goto(`${portal.baseUrl}/create`);
  const card = opsManager
    .locator('.MuiCard-root')
    .filter({ hasText: '季度文档汇编 / Quarterly volume' });
  await card.getByText(/^(choose|选择)$/i).click();
  await opsManager.waitForURL(/\/create\/templates\/default\/quarterly-volume/);
  // Year and quarter left empty: the last quarter that has ended.
  await opsManager.locator('#root_year').waitFor();
  await shot(opsManager, '3-template');
  // The scaffolder speaks the reader's language (Chinese by default).
  await opsManager.getByRole('button', { name: /^(Review|核对)$/ }).click();
  await opsManager.getByRole('button', { name: /^(Create|提交)$/ }).click();
  await opsManager.waitForURL(/\/create\/tasks\//);

  const link = opsManager.getByRole('link', { name: /查看汇编 Open the volume BG-/ });
  try {
    await link.waitFor({ timeout: 180_000 });
  } finally {
    await shot(opsManager, '4-task-done');
  }
  await link.click();
  await opsManager.waitForURL(/\/archive\/documents\/[^/]+$/);
  volume = (await opsManager.getByTestId('archive-document-number').innerText()).trim();
  assert.match(volume, /^BG-\d{4}-\d{4}$/);
  const versions = opsManager.getByTestId('archive-version');
  await versions.first().waitFor();
  assert.match(await versions.first().innerText(), /\.pdf/);
  await shot(opsManager, '5-volume');
});

let itOffice: Page;

test('the court IT office finds the registered document by a Chinese keyword', { timeout: 240_000 }, async () => {
  itOffice = await signedInPage(browser, portal.baseUrl, 'huangjun');
  await itOffice.goto(`${portal.baseUrl}/archive?q=${encodeURIComponent('电池更换')}`);
  const row = itOffice.getByTestId('archive-row').filter({ hasText: registered });
  await row.waitFor();
  await shot(itOffice, '6-found-registered');
  await row.getByRole('link').click();
  await itOffice.waitForURL(/\/archive\/documents\/[^/]+$/);
  assert.equal(
    (await itOffice.getByTestId('archive-document-number').innerText()).trim(),
    registered,
  );
  await itOffice.getByTestId('archive-related').getByText('INC-2026-00042').waitFor();
  await itOffice.getByTestId('archive-version').first().waitFor();
  const download = itOffice.waitForEvent('download');
  await itOffice.getByTestId('archive-download-1').click();
  assert.equal((await download).suggestedFilename(), 'UPS电池更换.png');
  await shot(itOffice, '7-registered-it-office');

  // The system it was registered against lists it on its Archive tab.
  await itOffice.getByTestId('archive-related').getByRole('link', { name: '机房系统' }).click();
  await itOffice.waitForURL(/\/catalog\/default\/system\/machine-rooms/);
  await itOffice.goto(`${portal.baseUrl}/catalog/default/system/machine-rooms/archive`);
  await itOffice.getByTestId('entity-archive').getByTestId('archive-row').filter({ hasText: registered }).waitFor();
  await shot(itOffice, '7b-system-tab');
});

test('court staff read the public document but are offered no registration or upload', { timeout: 240_000 }, async () => {
  const staff = await signedInPage(browser, portal.baseUrl, 'xuli');
  await staff.goto(`${portal.baseUrl}/archive?q=${encodeURIComponent(registered)}`);
  const row = staff.getByTestId('archive-row').filter({ hasText: registered });
  await row.waitFor();
  // The results are in, so the permission answers are too.
  assert.equal(await staff.getByTestId('archive-register').count(), 0);
  await row.getByRole('link').click();
  await staff.getByTestId('archive-version').first().waitFor();
  assert.equal(await staff.getByTestId('archive-upload').count(), 0);
  await shot(staff, '8-court-staff');
  await staff.context().close();
});

test('the court IT office finds the volume among the service reports', { timeout: 240_000 }, async t => {
  if (noVolume) return t.skip(noVolume);
  await itOffice.goto(`${portal.baseUrl}/archive`);
  await itOffice.getByTestId('archive-class-service-report').click();
  await itOffice.getByTestId('archive-search').fill(volume);
  await itOffice.getByTestId('archive-search-submit').click();
  const row = itOffice.getByTestId('archive-row').filter({ hasText: volume });
  await row.waitFor();
  await shot(itOffice, '9-found-volume');
  await row.getByRole('link').click();
  await itOffice.waitForURL(/\/archive\/documents\/[^/]+$/);
  assert.equal(
    (await itOffice.getByTestId('archive-document-number').innerText()).trim(),
    volume,
  );
  await itOffice.getByTestId('archive-version').first().waitFor();
  const download = itOffice.waitForEvent('download');
  await itOffice.getByTestId('archive-download-1').click();
  assert.match((await download).suggestedFilename(), /\.pdf$/);
  await shot(itOffice, '10-volume-it-office');
});
