// Confidential access (issue 17) in the browser: 徐丽 of the Case Filing Tribunal reports a fault of
// her own PC (pc-xuli, owned by her in the example catalog); the engineer 刘洋 requests access on
// her ticket, 黄军 of the court IT office approves it, 徐丽 sees the verification code on her
// ticket, and once the grant's minute is over it leaves the ticket by itself. The shortest grant
// the form allows is one minute, so the test waits it out on the portal's own clock.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, waitForEntity, type RunningPortal } from './portal.ts';

const PC = 'resource:default/pc-xuli';
const reason = `远程查看打印异常 ${Date.now().toString(36)}`;

let portal: RunningPortal;
let browser: Browser;
let ticket: { id: string; number: string };
let code = '';

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  await waitForEntity(portal.baseUrl, PC);
  // The desk files it for her and routes it to the engineer, as a phone call would.
  const token = await signIn(portal.baseUrl, 'lina');
  const res = await fetch(`${portal.baseUrl}/api/tickets/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'incident',
      title: '办公电脑打印时报错',
      description: '立案庭徐丽的办公电脑打印时提示驱动错误',
      urgency: 'medium',
      impact: 'small',
      entityRefs: [PC],
      reporter: 'user:default/xuli',
      assignee: 'user:default/liuyang',
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  ticket = (await res.json()) as { id: string; number: string };
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `access-${name}.png`), fullPage: true });

const ticketPage = async (user: string) => {
  const page = await signedInPage(browser, portal.baseUrl, user);
  await page.goto(`${portal.baseUrl}/tickets/${ticket.number}`);
  await page.getByTestId('ticket-access').waitFor();
  return page;
};

test('the engineer requests access to the staff member’s PC on her ticket', { timeout: 120_000 }, async () => {
  const engineer = await ticketPage('liuyang');
  const form = engineer.getByTestId('access-request');
  await form.getByTestId('access-minutes').fill('1');
  await form.getByTestId('access-reason').fill(reason);
  await form.getByRole('button').last().click();
  const grant = engineer.getByTestId('ticket-access-grant');
  await grant.waitFor();
  assert.match((await grant.textContent()) ?? '', /pc-xuli/);
  await shot(engineer, 'requested');
  await engineer.context().close();
});

test('the court IT office approves it on the access page; the code appears', { timeout: 120_000 }, async () => {
  const office = await signedInPage(browser, portal.baseUrl, 'huangjun');
  await office.goto(`${portal.baseUrl}/access`);
  const queue = office.getByTestId('grant-queue');
  const row = queue.getByRole('row').filter({ hasText: ticket.number });
  await row.getByRole('button', { name: /批准|Approve/ }).click();
  await row.waitFor({ state: 'detached' });
  const listed = office
    .getByTestId('grant-list')
    .getByRole('row')
    .filter({ hasText: ticket.number });
  code = ((await listed.getByTestId('grant-code').textContent()) ?? '').trim();
  assert.match(code, /^\d{6}$/);
  await shot(office, 'approved');
  await office.context().close();
});

test('the staff member sees the same code on her ticket, and the grant leaves once it expires', { timeout: 180_000 }, async () => {
  const staff = await ticketPage('xuli');
  const shown = staff.getByTestId('access-code');
  await shown.waitFor();
  assert.equal((await shown.textContent())?.trim(), code);
  await shot(staff, 'staff-code');
  // One minute from the request, then the card's next look (every 30 s) drops it.
  await staff.getByTestId('ticket-access-grant').waitFor({ state: 'detached', timeout: 150_000 });
  assert.equal(await staff.getByTestId('access-code').count(), 0);
  await shot(staff, 'expired');
  await staff.context().close();
});
