// UI by role (issue 12 finding 12): signed in as one example user per role, walk every navigation
// entry the sidebar shows and the home page; no page shows a raw request error, and court staff
// see neither 变更 (Changes) nor 巡检 (Inspections) in their navigation.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, type RunningPortal } from './portal.ts';

/** One example user per role on the sign-in page (app-config.yaml courtOps.exampleUsers). */
const ROLE_USERS = {
  'court staff': 'xuli',
  desk: 'lina',
  engineer: 'wangqiang',
  'ops manager': 'sunlei',
  'court IT office': 'wuxia',
} as const;

/** The cards each role's home shows (issue 19, "home by role"), by test id. */
const HOME_CARDS_OF: Record<keyof typeof ROLE_USERS, readonly string[]> = {
  'court staff': ['report-fault-card', 'my-tickets-card'],
  desk: ['desk-queue-card', 'sla-at-risk-card'],
  engineer: ['my-tickets-card', 'todays-rounds-card'],
  'ops manager': ['sla-at-risk-card', 'todays-rounds-card', 'month-compliance-card'],
  'court IT office': ['pending-approvals-card', 'month-compliance-card'],
};
const ALL_HOME_CARDS = [...new Set(Object.values(HOME_CARDS_OF).flat())];

/** What a page must never show: the raw text of a failed request or an uncaught error. */
const RAW_ERROR = /Request failed with \d{3}|Error: |NotAllowedError|Forbidden/;

let portal: RunningPortal;
let browser: Browser;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The paths of the sidebar's navigation entries, as the signed-in user sees them. */
async function navPaths(page: Page): Promise<string[]> {
  // Permission-gated entries appear once their answer is in.
  await page.waitForLoadState('networkidle');
  const hrefs = await page
    .locator('nav a[href^="/"]')
    .evaluateAll(links => links.map(a => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].filter(href => href !== '/settings');
}

async function assertNoRawError(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  // Lazily loaded pages and their data settle after the network does.
  await page.waitForTimeout(1_500);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, RAW_ERROR, `${where} shows a raw error`);
}

for (const [role, user] of Object.entries(ROLE_USERS)) {
  test(`${role} (${user}): every navigation entry opens without a raw error`, { timeout: 300_000 }, async () => {
    const page = await signedInPage(browser, portal.baseUrl, user);
    try {
      await assertNoRawError(page, `home as ${user}`);
      const paths = await navPaths(page);
      assert.ok(paths.includes('/catalog'), `${user} sees the catalog: ${paths.join(' ')}`);
      if (role === 'court staff') {
        assert.ok(!paths.some(p => p.startsWith('/changes')), `court staff see 变更: ${paths.join(' ')}`);
        assert.ok(!paths.some(p => p.startsWith('/inspections')), `court staff see 巡检: ${paths.join(' ')}`);
        assert.ok(!paths.some(p => p.startsWith('/create')), `court staff see Create: ${paths.join(' ')}`);
        assert.ok(paths.includes('/tickets'), `court staff report faults: ${paths.join(' ')}`);
        assert.equal(await page.getByTestId('todays-rounds-card').count(), 0, "court staff see Today's rounds");
      } else {
        assert.ok(paths.includes('/changes'), `${role} sees 变更: ${paths.join(' ')}`);
        assert.ok(paths.includes('/inspections'), `${role} sees 巡检: ${paths.join(' ')}`);
      }
      for (const path of paths) {
        await page.goto(`${portal.baseUrl}${path}`);
        await assertNoRawError(page, `${path} as ${user}`);
      }
      await page.goto(portal.baseUrl);
      await page.getByTestId('court-welcome').waitFor();
      const own = HOME_CARDS_OF[role as keyof typeof ROLE_USERS];
      for (const card of own) await page.getByTestId(card).waitFor();
      for (const card of ALL_HOME_CARDS.filter(c => !own.includes(c))) {
        assert.equal(await page.getByTestId(card).count(), 0, `${role} sees ${card} on the home page`);
      }
      // Cards stand in the role's order, top to bottom.
      const tops = await Promise.all(own.map(async card => (await page.getByTestId(card).boundingBox())?.y ?? -1));
      assert.deepEqual(tops, [...tops].sort((a, b) => a - b), `${role}'s home cards in order: ${own.join(', ')}`);
      await page.screenshot({ path: join(screenshots, `role-home-${user}.png`), fullPage: true });
    } finally {
      await page.context().close();
    }
  });
}

test("court staff see a device's Tickets tab but not its 巡检, SLA or 变更 tabs", { timeout: 120_000 }, async () => {
  for (const [user, seesAll] of [['xuli', false], ['wangqiang', true]] as const) {
    const page = await signedInPage(browser, portal.baseUrl, user);
    try {
      await page.goto(`${portal.baseUrl}/catalog/default/resource/ups-02`);
      // Entity tabs are links to the tab's path.
      const tab = (path: string) => page.locator(`a[href$="/resource/ups-02/${path}"]`);
      await tab('tickets').first().waitFor();
      for (const path of ['inspections', 'sla', 'changes']) {
        if (seesAll) await tab(path).first().waitFor();
        else assert.equal(await tab(path).count(), 0, `${user} sees the ${path} tab`);
      }
      await page.screenshot({ path: join(screenshots, `role-device-tabs-${user}.png`) });
    } finally {
      await page.context().close();
    }
  }
});

test('court staff opening 巡检 by its address see "not available for your role"', { timeout: 120_000 }, async () => {
  const page = await signedInPage(browser, portal.baseUrl, 'xuli');
  try {
    await page.goto(`${portal.baseUrl}/inspections`);
    await page.getByTestId('not-for-role').first().waitFor();
    await assertNoRawError(page, '/inspections as xuli');
    await page.screenshot({ path: join(screenshots, 'role-inspections-xuli.png'), fullPage: true });
  } finally {
    await page.context().close();
  }
});
