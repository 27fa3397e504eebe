// The document archive (issue 14) in the browser: the ops manager 孙磊 registers a document with
// its file and runs 季度文档汇编 on the Create page, which binds the last ended quarter and
// archives the volume; the court IT office 黄军 finds both in the archive and opens them.
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

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  await templateInCatalog('quarterly-volume');
});

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
  // PNG content under a PDF's name: registered, but the file is refused and the form says why.
  await form
    .getByTestId('register-file')
    .setInputFiles({ name: 'UPS电池更换.pdf', mimeType: 'application/pdf', buffer: PNG });
  await form.getByTestId('register-submit').click();
  await form.getByText(/its content is png/).waitFor();
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

test('the ops manager runs 季度文档汇编 on the Create page and opens the volume', { timeout: 300_000 }, async () => {
  await opsManager.goto(`${portal.baseUrl}/create`);
  const card = opsManager
    .locator('.MuiCard-root')
    .filter({ hasText: '季度文档汇编 / Quarterly volume' });
  await card.getByText(/^choose$/i).click();
  await opsManager.waitForURL(/\/create\/templates\/default\/quarterly-volume/);
  // Year and quarter left empty: the last quarter that has ended.
  await shot(opsManager, '3-template');
  await opsManager.getByRole('button', { name: 'Review' }).click();
  await opsManager.getByRole('button', { name: 'Create' }).click();

  const link = opsManager.getByRole('link', { name: /查看汇编 Open the volume BG-/ });
  await link.waitFor({ timeout: 180_000 });
  await shot(opsManager, '4-task-done');
  await link.click();
  await opsManager.waitForURL(/\/archive\/documents\/[^/]+$/);
  volume = (await opsManager.getByTestId('archive-document-number').innerText()).trim();
  assert.match(volume, /^BG-\d{4}-\d{4}$/);
  const versions = opsManager.getByTestId('archive-version');
  await versions.first().waitFor();
  assert.match(await versions.first().innerText(), /\.pdf/);
  await shot(opsManager, '5-volume');
});

test('the court IT office finds the volume and the registered document in the archive', { timeout: 240_000 }, async () => {
  const itOffice = await signedInPage(browser, portal.baseUrl, 'huangjun');
  await itOffice.goto(`${portal.baseUrl}/archive`);
  await itOffice.getByTestId('archive-class-service-report').click();
  await itOffice.getByTestId('archive-search').fill(volume);
  await itOffice.getByTestId('archive-search-submit').click();
  const row = itOffice.getByTestId('archive-row').filter({ hasText: volume });
  await row.waitFor();
  await shot(itOffice, '6-found-volume');
  await row.getByRole('link').click();
  await itOffice.waitForURL(/\/archive\/documents\/[^/]+$/);
  assert.equal(
    (await itOffice.getByTestId('archive-document-number').innerText()).trim(),
    volume,
  );
  // The IT office reads; it does not register or upload.
  await itOffice.getByTestId('archive-version').first().waitFor();
  assert.equal(await itOffice.getByTestId('archive-upload').count(), 0);
  const download = itOffice.waitForEvent('download');
  await itOffice.getByTestId('archive-download-1').click();
  assert.match((await download).suggestedFilename(), /\.pdf$/);
  await shot(itOffice, '7-volume-it-office');

  // A Chinese keyword finds the registered document across classes.
  await itOffice.goto(`${portal.baseUrl}/archive?q=${encodeURIComponent('电池更换')}`);
  await itOffice.getByTestId('archive-row').filter({ hasText: registered }).waitFor();
  await shot(itOffice, '8-found-registered');
});
