// Browser smoke test: the built portal in Debian's Chromium, as a court engineer would use it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots } from './browser.ts';
import { exampleCourt } from './catalog.ts';
import { portalForTest, type RunningPortal } from './portal.ts';

let portal: RunningPortal;
let browser: Browser;
let page: Page;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const entities = exampleCourt();
const systems = entities.filter(e => e.kind === 'System');
const device = entities.find(e => e.kind === 'Resource' && e.spec?.type === 'core-switch')!;

test('signs in as an example engineer', { timeout: 120_000 }, async () => {
  await page.goto(portal.baseUrl);
  await page.getByTestId('example-user-sign-in').waitFor();
  await page.screenshot({ path: join(screenshots, 'sign-in.png') });
  await page.getByTestId('sign-in-as-wangqiang').click();
  await page.getByTestId('court-welcome').waitFor();
  await page.getByText('王强').first().waitFor();
  await page.screenshot({ path: join(screenshots, 'home.png') });
});

test('the catalog lists the nine court systems', { timeout: 120_000 }, async () => {
  assert.equal(systems.length, 9);
  await page.goto(`${portal.baseUrl}/catalog?filters%5Bkind%5D=system&filters%5Buser%5D=all`);
  for (const system of systems) {
    await page.getByRole('link', { name: system.metadata.title ?? system.metadata.name, exact: true }).first().waitFor();
  }
  await page.screenshot({ path: join(screenshots, 'catalog-systems.png'), fullPage: true });
});

test('a device page shows its facts card, in Chinese and in English', { timeout: 120_000 }, async () => {
  const annotations = device.metadata.annotations!;
  await page.goto(`${portal.baseUrl}/catalog/default/resource/${device.metadata.name}`);
  const card = page.getByTestId('device-facts-card');
  await card.waitFor();
  assert.equal(await card.getByTestId('asset-tag').innerText(), annotations['court-ops.io/asset-tag']);
  assert.equal(await card.getByTestId('device-ip').innerText(), annotations['court-ops.io/ip']);
  assert.doesNotMatch(await card.getByTestId('device-location').innerText(), /not in the location register|不在位置登记表中/);
  const warranty = card.getByTestId('warranty-status');
  assert.match((await warranty.getAttribute('data-state')) ?? '', /^(active|expiring|expired)$/);

  // The court's default language is Chinese.
  await page.getByText('设备信息').first().waitFor();
  await page.getByTestId('language-toggle').first().click();
  await page.getByText('Device facts').first().waitFor();
  await page.getByText('Asset tag').first().waitFor();
  await page.screenshot({ path: join(screenshots, 'device-en.png'), fullPage: true });

  await page.getByTestId('language-toggle').first().click();
  await page.getByText('设备信息').first().waitFor();
  await page.getByText('资产编号').first().waitFor();
  assert.match(await card.getByTestId('device-location').innerText(), /[\u4e00-\u9fff]/);
  await page.screenshot({ path: join(screenshots, 'device-zh.png'), fullPage: true });
});

test('a system page lists its devices', { timeout: 120_000 }, async () => {
  const network = systems.find(s => s.metadata.name === 'network')!;
  const expected = entities.filter(e => e.kind === 'Resource' && e.spec?.system === 'network');
  await page.goto(`${portal.baseUrl}/catalog/default/system/${network.metadata.name}`);
  const card = page.getByTestId('system-devices');
  await card.getByText(`(${expected.length})`).waitFor();
  for (const d of expected.slice(0, 3)) {
    await card.getByText(d.metadata.annotations!['court-ops.io/asset-tag']).waitFor();
  }
  await page.screenshot({ path: join(screenshots, 'system-network.png'), fullPage: true });
});
