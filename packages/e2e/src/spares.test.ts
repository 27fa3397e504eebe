// Spare parts and repairs (issue 20) on a phone-sized window: the engineer 王强 takes a spare disk
// from the store against a courtroom ticket on the recorder's Spares tab, the tab shows it used
// on the device and the ticket carries the note; the failed disk's recorder goes out for repair
// with a loaner ("out for repair since … · loaner … at …"), and comes back.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

const PHONE = { width: 390, height: 844 };
const RECORDER = 'resource:default/courtroom-recorder-t01';
const LOANER = 'resource:default/courtroom-recorder-t02';
const PART = 'hdd-4tb-recorder';
const STORE = 'store-b1';

let portal: RunningPortal;
let browser: Browser;
let phone: Page;
let ticket: { id: string; number: string };

async function api<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
  const token = await signIn(portal.baseUrl, user);
  const res = await fetch(`${portal.baseUrl}/api/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  // Two disks in the store room, and a fault in courtroom 1 filed by the court's staff.
  await api('wangqiang', 'POST', 'spares/movements', {
    kind: 'receipt',
    partTypeId: PART,
    locationId: STORE,
    quantity: 2,
    supplier: '锐取',
    reference: 'PO-2026-E2E',
  });
  ticket = await api('xuli', 'POST', 'tickets/tickets', {
    type: 'incident',
    title: '第一法庭庭审主机硬盘故障',
    description: '开庭前录像主机报硬盘错误',
    urgency: 'high',
    impact: 'medium',
    entityRefs: [RECORDER],
  });
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `spares-${name}.png`), fullPage: true });

test('the engineer issues a spare disk against the courtroom ticket on the phone; the device page shows it', { timeout: 240_000 }, async () => {
  phone = await signedInPage(browser, portal.baseUrl, 'wangqiang', PHONE);
  await phone.goto(`${portal.baseUrl}/catalog/default/resource/courtroom-recorder-t01/spares`);
  await phone.getByTestId('spares-device-issue').click();
  await phone.getByTestId('spares-move-part').selectOption(PART);
  await phone.getByTestId('spares-move-location').selectOption(STORE);
  await phone.getByTestId('spares-move-quantity').fill('1');
  await phone.getByTestId('spares-move-ticket').fill(ticket.number);
  await shot(phone, 'issue-form');
  await phone.getByTestId('spares-move-submit').click();
  await phone.getByTestId('spares-device-used').getByText(ticket.number).waitFor();
  await shot(phone, 'issued');

  const detail = await api<{ events: { type: string; body?: string }[] }>(
    'lina',
    'GET',
    `tickets/tickets/${ticket.number}`,
  );
  const note = detail.events.find(e => e.type === 'commented');
  assert.match(note?.body ?? '', new RegExp(`1 × .*\\(${PART}\\)`));
  const stock = await api<{ byLocation: { locationId: string; quantity: number }[] }>(
    'wangqiang',
    'GET',
    `spares/stock/${PART}`,
  );
  assert.equal(stock.byLocation.find(s => s.locationId === STORE)?.quantity, 1);
});

test('the recorder goes out for repair with a loaner, the device page says so, and it comes back', { timeout: 240_000 }, async () => {
  await phone.getByTestId('spares-device-repair').click();
  await phone.getByTestId('spares-repair-ticket').fill(ticket.number);
  await phone.getByTestId('spares-repair-vendor').selectOption('reach');
  await phone.getByTestId('spares-repair-rma').fill('RMA-E2E-1');
  await phone.getByTestId('spares-repair-loaner').fill(LOANER);
  await phone.getByTestId('spares-repair-loanerWhere').fill('第一法庭');
  await phone.getByTestId('spares-repair-save').click();
  const banner = phone.getByTestId('spares-out-for-repair');
  await banner.waitFor();
  const text = (await banner.textContent()) ?? '';
  assert.match(text, /Out for repair since \d{4}-\d{2}-\d{2}|自 \d{4}-\d{2}-\d{2} 起送修/);
  assert.ok(text.includes(LOANER) && text.includes('第一法庭'), text);
  await shot(phone, 'out-for-repair');

  const [repair] = await api<{ number: string; ticket: string }[]>(
    'lina',
    'GET',
    `spares/repairs?ticket=${ticket.number}`,
  );
  assert.equal(repair.ticket, ticket.number);
  await phone.getByTestId(`spares-repair-return-${repair.number}`).click();
  await phone.getByTestId('spares-repair-result').selectOption('repaired');
  await phone.getByTestId('spares-repair-save').click();
  await banner.waitFor({ state: 'detached' });
  await shot(phone, 'returned');
  const [back] = await api<{ returnedOn?: string; result?: string }[]>(
    'lina',
    'GET',
    `spares/repairs?ticket=${ticket.number}&status=all`,
  );
  assert.equal(back.result, 'repaired');
  assert.ok(back.returnedOn);
});
