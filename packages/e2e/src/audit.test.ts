// The audit trail in the browser (issue 17, SEC-3): 徐丽 files a ticket on her own PC; 黄军 of the
// court IT office opens 审计记录, filters by her, finds the row of that filing, and verifies the
// hash chain intact. Court staff have no audit entry in the sidebar.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, waitForEntity, type RunningPortal } from './portal.ts';

const PC = 'resource:default/pc-xuli';

let portal: RunningPortal;
let browser: Browser;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  await waitForEntity(portal.baseUrl, PC);
  const token = await signIn(portal.baseUrl, 'xuli');
  const res = await fetch(`${portal.baseUrl}/api/tickets/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'incident',
      title: '办公电脑无法开机',
      description: '立案庭徐丽的办公电脑按电源键无反应',
      urgency: 'medium',
      impact: 'small',
      entityRefs: [PC],
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `audit-${name}.png`), fullPage: true });

test('the IT office filters the audit trail by a person, finds her filing, and verifies the chain intact', { timeout: 120_000 }, async () => {
  const office = await signedInPage(browser, portal.baseUrl, 'huangjun');
  assert.equal(await office.locator('a[href="/audit"]').count(), 1);
  await office.goto(`${portal.baseUrl}/audit`);
  await office.locator('#audit-filter-actor').fill('user:default/xuli');
  await office.locator('form button[type="submit"]').click();
  const rows = office.getByTestId('audit-events').locator('tbody tr');
  const filing = rows.filter({ hasText: 'ticket-create' }).filter({ hasText: PC });
  await filing.first().waitFor();
  // Her filing is on the unfiltered first page too: wait until the filtered answer is drawn.
  await office.waitForFunction(() => {
    const actors = [
      ...document.querySelectorAll('[data-testid="audit-events"] tbody tr td:nth-child(2)'),
    ];
    return actors.length > 0 && actors.every(cell => cell.textContent === 'user:default/xuli');
  });
  // Only her rows once filtered.
  for (const actor of await rows.locator('td:nth-child(2)').allTextContents()) {
    assert.equal(actor, 'user:default/xuli');
  }
  await office.getByRole('button', { name: /Verify now|立即校验/ }).click();
  await office.getByTestId('verify-ok').waitFor();
  assert.equal(await office.getByTestId('verify-broken').count(), 0);
  await shot(office, 'verified');
  await office.context().close();
});

test('court staff have no audit entry in the sidebar', { timeout: 60_000 }, async () => {
  const staff = await signedInPage(browser, portal.baseUrl, 'xuli');
  // The sidebar is drawn once her permissions are answered: wait for an entry she does have.
  await staff.locator('a[href="/tickets"]').first().waitFor();
  assert.equal(await staff.locator('a[href="/audit"]').count(), 0);
  await staff.context().close();
});
