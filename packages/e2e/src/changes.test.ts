// A key-parameter change from request to register in the browser: an engineer files it through the
// change-request template on the Create page, the court IT office approves it on the Changes page,
// the engineer carries it out, and the device page shows the new value with its history.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { exampleCourt } from './catalog.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

let portal: RunningPortal;
let browser: Browser;
let engineer: Page;
let itOffice: Page;
let number = '';

// A core switch of the example court and one of its key parameters.
const device = exampleCourt().find(
  e => e.kind === 'Resource' && e.metadata.name === 'core-switch-01',
)!;
const deviceRef = `resource:default/${device.metadata.name}`;
const parameter = (device.spec?.keyParameters as { name: string; value: string }[]).find(
  p => p.name === 'vrrp-priority',
)!;
// A value no earlier run against the same portal left behind.
const newValue = String(100 + (Date.now() % 100));
// A second edit in the same change, on a parameter with a unit: a precision AC's alarm threshold.
const ac = exampleCourt().find(e => e.kind === 'Resource' && e.metadata.name === 'precision-ac-01')!;
const threshold = (ac.spec?.keyParameters as { name: string; value: string; unit: string }[]).find(
  p => p.name === 'high-temperature-alarm',
)!;
const newThreshold = (Number(threshold.value) - 1 + (Date.now() % 9) / 10).toFixed(1);
const title = `核心交换机 VRRP 优先级调整 ${Date.now()}`;

/** An instant as a `datetime-local` input takes it, in the court's zone. */
function localInput(at: Date): string {
  return at.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16).replace(' ', 'T');
}
// A normal change starts only inside its approved window (issue 12): this one is open now, from
// the hour for three hours.
const windowStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const windowEnd = new Date(windowStart.getTime() + 3 * 3_600_000);

// A freeze over the whole court, the day after tomorrow 20:00–22:00 court time, that the window
// picker warns about.
const freezeTitle = `重大案件庭审保障 ${Date.now()}`;
const freezeDay = new Date(windowStart.getTime() + 2 * 86_400_000);
const freezeInput = {
  start: `${localInput(freezeDay).slice(0, 10)}T20:00`,
  end: `${localInput(freezeDay).slice(0, 10)}T22:00`,
};

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  await templateInCatalog('change-request');
  const res = await fetch(`${portal.baseUrl}/api/tickets/changes/freezes`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await signIn(portal.baseUrl, 'wuxia')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      title: freezeTitle,
      window: {
        start: `${freezeInput.start}:00+08:00`,
        end: `${freezeInput.end}:00+08:00`,
      },
    }),
  });
  assert.equal(res.status, 201, await res.text());
});

/** The catalog reads the templates' location after the court's: wait until the template is in. */
async function templateInCatalog(name: string) {
  const token = await signIn(portal.baseUrl, 'wangqiang');
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

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `changes-${name}.png`), fullPage: true });

/** A key parameter's value now: the register's latest, else the catalog's (an earlier run may have changed it). */
async function currentValue(ref: string, name: string, catalogValue: string): Promise<string> {
  const res = await fetch(`${portal.baseUrl}/api/tickets/parameters/${encodeURIComponent(ref)}`, {
    headers: { authorization: `Bearer ${await signIn(portal.baseUrl, 'wangqiang')}` },
  });
  const { history } = (await res.json()) as {
    history: { parameter: string; newValue: string; appliedAt: string }[];
  };
  const latest = history
    .filter(r => r.parameter === name)
    .sort((a, b) => b.appliedAt.localeCompare(a.appliedAt))[0];
  return latest?.newValue ?? catalogValue;
}

/** Picks an entity in one of the court's entity pickers by typing part of its title. */
async function pickEntity(page: Page, fieldId: string, text: string) {
  const input = page.getByTestId(fieldId);
  await input.click();
  await input.fill(text);
  await page.getByRole('option').filter({ hasText: text }).first().click();
}

test('an engineer files a change request through the template on the Create page', { timeout: 240_000 }, async () => {
  engineer = await signedInPage(browser, portal.baseUrl, 'wangqiang');
  await engineer.goto(`${portal.baseUrl}/create`);
  const card = engineer
    .locator('.MuiCard-root')
    .filter({ hasText: '变更申请 Change request' });
  await card.getByText(/^(choose|选择)$/i).click();
  await engineer.waitForURL(/\/create\/templates\/default\/change-request/);

  // 1. What and why, and the systems and devices it touches.
  await engineer.locator('#root_title').fill(title);
  await engineer.locator('#root_description').fill(`VRRP 优先级由 ${parameter.value} 调整为 ${newValue}`);
  await engineer.locator('#root_reason').fill('主备切换演练后恢复核心交换机 1 号的主用地位');
  await pickEntity(engineer, 'root_entityRefs', '核心交换机 1号');
  await shot(engineer, '1-template-what');
  await engineer.getByRole('button', { name: /^(Next|下一步)$/ }).click();

  // 2. The key-parameter edits: a device from the catalog, one of its parameters with its current
  // value and unit, and the new value, checked against the catalog's rule as it is typed.
  const picker = engineer.getByTestId('parameter-edits-picker');
  const edit = async (index: number, deviceTitle: string, name: string) => {
    await picker.getByRole('button', { name: /^(Add a parameter edit|添加参数修改)$/ }).click();
    const id = `#root_parameterEdits_edits_${index}`;
    await engineer.locator(`${id}_device`).selectOption({ label: deviceTitle });
    await engineer.locator(`${id}_parameter option[value="${name}"]`).waitFor({ state: 'attached' });
    await engineer.locator(`${id}_parameter`).selectOption(name);
    return {
      value: engineer.locator(`${id}_newValue`),
      current: picker.getByTestId(`parameter-edit-${index}-current`),
      problem: engineer.locator(`${id}_newValue-helper-text`),
    };
  };
  const vrrpNow = await currentValue(deviceRef, parameter.name, parameter.value);
  const acRef = `resource:default/${ac.metadata.name}`;
  const thresholdNow = await currentValue(acRef, threshold.name, threshold.value);
  const vrrp = await edit(0, String(device.metadata.title), parameter.name);
  await vrrp.current.filter({ hasText: `当前值：${vrrpNow}` }).waitFor();
  // VRRP priority is a whole number from 1 to 254: 300 is refused while typed, and the form stays.
  await vrrp.value.fill('300');
  await vrrp.problem.filter({ hasText: '取值范围为 1 至 254' }).waitFor();
  await engineer.getByRole('button', { name: /^(Next|下一步)$/ }).click();
  await picker.waitFor();
  await vrrp.value.fill(newValue);
  const alarm = await edit(1, String(ac.metadata.title), threshold.name);
  await alarm.current.filter({ hasText: `当前值：${thresholdNow} ${threshold.unit}` }).waitFor();
  await alarm.value.fill(newThreshold);
  await shot(engineer, '2-template-parameters');
  await engineer.getByRole('button', { name: /^(Next|下一步)$/ }).click();

  // 3. The risk questions and the rollback plan.
  await engineer.getByLabel('不影响 None').check();
  await engineer.getByLabel('容易 Easy').check();
  await engineer.getByLabel('是 Yes').check();
  await engineer.locator('#root_rollbackPlan').fill(`将 VRRP 优先级改回 ${parameter.value}，确认主备状态`);
  await engineer.getByRole('button', { name: /^(Next|下一步)$/ }).click();

  // 4. The planned window in court time. The court's window picker warns, while the engineer
  // types, that a window in the freeze the IT office declared cannot go ahead.
  const start = engineer.locator('#root_window_start');
  const end = engineer.locator('#root_window_end');
  await start.fill(freezeInput.start);
  await end.fill(freezeInput.end);
  await engineer
    .getByTestId('window-picker')
    .getByTestId('warning-freeze')
    .filter({ hasText: freezeTitle })
    .waitFor();
  await shot(engineer, '3-window-in-freeze');
  // The window open now, so that it can be started once approved: no freeze over it.
  await start.fill(localInput(windowStart));
  await end.fill(localInput(windowEnd));
  await engineer.getByTestId('warning-freeze').waitFor({ state: 'detached' });
  await engineer.getByRole('button', { name: /^(Review|核对)$/ }).click();
  await engineer.getByText(title).first().waitFor();
  // The review reads as the engineer entered it: court time, not UTC; 是/否, not a glyph.
  const review = await engineer.locator('body').innerText();
  const reviewed = `${localInput(windowStart).replace('T', ' ')} 至 ${localInput(windowEnd).replace('T', ' ')}（北京时间）`;
  assert.ok(review.includes(reviewed), `the review shows ${reviewed}:\n${review}`);
  assert.doesNotMatch(review, /\d{4}-\d\d-\d\dT\d\d:\d\d/);
  assert.ok(review.includes('是 Yes'), review);
  // Names, not refs: the systems and devices, and each parameter edit with its old value and unit.
  assert.doesNotMatch(review, /resource:default|system:default|user:default/);
  assert.ok(review.includes(String(device.metadata.title)), review);
  assert.ok(
    review.includes(
      `${ac.metadata.title} · ${threshold.name}（高温告警阈值）：${thresholdNow} ${threshold.unit} → ${newThreshold} ${threshold.unit}`,
    ),
    review,
  );
  await shot(engineer, '3-template-review');
  await engineer.getByRole('button', { name: /^(Create|提交)$/ }).click();

  // The task's output links to the change it filed.
  const link = engineer.getByRole('link', { name: /查看变更 Open the change CHG-/ });
  await link.waitFor({ timeout: 60_000 });
  // The risk in the Chinese sentence is in Chinese.
  await engineer.getByText('风险等级：低').waitFor();
  await shot(engineer, '4-task-done');
  await link.click();
  await engineer.waitForURL(/\/changes\/CHG-\d{4}-\d{5}$/);
  number = (await engineer.getByTestId('change-number').innerText()).trim();
  assert.match(number, /^CHG-\d{4}-\d{5}$/);
  assert.equal(await engineer.getByTestId('change-status').getAttribute('data-status'), 'submitted');
  assert.equal(await engineer.getByTestId('change-risk').getAttribute('data-risk'), 'low');
  // The engineer carries changes out but does not approve them.
  assert.equal(await engineer.getByTestId('change-action-approve').count(), 0);
  await engineer.getByTestId('parameter-edits').getByText(newValue).waitFor();
  await shot(engineer, '5-change-submitted');

  // The change records each edit: device, parameter, the value the engineer was shown, the new one.
  const res = await fetch(`${portal.baseUrl}/api/tickets/changes/${number}`, {
    headers: { authorization: `Bearer ${await signIn(portal.baseUrl, 'wangqiang')}` },
  });
  const filed = (await res.json()) as { change: { change: { parameterEdits: unknown[] } } };
  assert.deepEqual(filed.change.change.parameterEdits, [
    { device: deviceRef, parameter: parameter.name, oldValue: vrrpNow, newValue },
    {
      device: acRef,
      parameter: threshold.name,
      oldValue: thresholdNow,
      newValue: newThreshold,
    },
  ]);
});

test('the court IT office approves it from its pending approvals on the Changes page', { timeout: 180_000 }, async () => {
  itOffice = await signedInPage(browser, portal.baseUrl, 'wuxia');
  await itOffice.goto(`${portal.baseUrl}/changes`);
  const pending = itOffice.getByTestId('pending-approvals');
  await pending.getByTestId(`change-row-${number}`).waitFor();
  await itOffice.getByTestId('success-rate').waitFor();
  await shot(itOffice, '6-pending-approvals');

  await pending.getByRole('link', { name: number }).click();
  await itOffice.waitForURL(new RegExp(`/changes/${number}$`));
  await itOffice.getByTestId('change-action-approve').click();
  await itOffice.getByTestId('change-field-text').fill('同意，按计划窗口实施');
  await itOffice.getByTestId('change-action-confirm').click();
  await itOffice
    .locator('[data-testid="change-status"][data-status="approved"]')
    .waitFor();
  // The court approves; it does not carry the change out.
  assert.equal(await itOffice.getByTestId('change-action-start').count(), 0);
  await shot(itOffice, '7-approved');
});

test('the engineer starts the change and marks it succeeded; the edit reaches the register', { timeout: 180_000 }, async () => {
  await engineer.goto(`${portal.baseUrl}/changes/${number}`);
  await engineer.getByTestId('change-action-start').click();
  await engineer
    .locator('[data-testid="change-status"][data-status="in-progress"]')
    .waitFor();
  await engineer.getByTestId('change-action-succeed').click();
  await engineer.getByTestId('change-field-text').fill('切换正常，主备状态正确');
  await engineer.getByTestId('change-action-confirm').click();
  await engineer
    .locator('[data-testid="change-status"][data-status="succeeded"]')
    .waitFor();
  await engineer.getByTestId(`edit-applied-${parameter.name}`).filter({ hasText: /\d{4}-\d{2}-\d{2}/ }).waitFor();
  await engineer.getByTestId(`edit-applied-${threshold.name}`).filter({ hasText: /\d{4}-\d{2}-\d{2}/ }).waitFor();
  // One history entry per edit written to the register.
  const applied = engineer.getByTestId('ticket-timeline').locator('[data-event="parameter-applied"]');
  await applied.nth(1).waitFor();
  assert.equal(await applied.count(), 2);
  await shot(engineer, '8-succeeded');
});

test('the device page shows the new value with the change, its approver and when', { timeout: 180_000 }, async () => {
  await engineer.goto(`${portal.baseUrl}/catalog/default/resource/${device.metadata.name}`);
  const card = engineer.getByTestId('key-parameter-register');
  await card
    .getByTestId(`parameter-value-${parameter.name}`)
    .filter({ hasText: newValue })
    .waitFor();
  const row = card.getByTestId(`history-${number}-${parameter.name}`);
  await row.waitFor();
  const history = await row.innerText();
  assert.match(history, new RegExp(`→ ${newValue}`));
  assert.match(history, /吴霞|wuxia/);
  await card.scrollIntoViewIfNeeded();
  await shot(engineer, '9-device-parameters');

  // The device's Changes tab lists it too.
  await engineer.goto(`${portal.baseUrl}/catalog/default/resource/${device.metadata.name}/changes`);
  await engineer.getByTestId('entity-changes').getByTestId(`change-row-${number}`).waitFor();
  await shot(engineer, '10-device-changes');

  // The register the card read is the backend's, as every signed-in user reads it.
  const token = await signIn(portal.baseUrl, 'xuli');
  const res = await fetch(`${portal.baseUrl}/api/tickets/parameters/${encodeURIComponent(deviceRef)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const register = (await res.json()) as { history: { changeNumber: string; newValue: string }[] };
  assert.deepEqual(
    register.history.filter(r => r.changeNumber === number).map(r => r.newValue),
    [newValue],
  );
});

test('the Changes page shows the change in its calendar', { timeout: 120_000 }, async () => {
  await itOffice.goto(`${portal.baseUrl}/changes?view=calendar`);
  const calendar = itOffice.getByTestId('change-calendar');
  await calendar.getByTestId('calendar-month').waitFor();
  // The window opened this month (in the court's zone), where the calendar starts. It is on
  // each day it touches, once: opened after 21:00 court time it runs into the next day, which
  // is on the page unless it begins a week of the next month.
  const days = [windowStart, new Date(windowEnd.getTime() - 1)].map(at => localInput(at).slice(0, 10));
  const shown = [...new Set(days)];
  if (shown.length > 1 && (await calendar.getByTestId(`calendar-day-${shown[1]}`).count()) === 0) shown.pop();
  for (const day of shown) {
    await calendar.getByTestId(`calendar-day-${day}`).getByTestId(`calendar-change-${number}`).waitFor();
  }
  assert.equal(await calendar.getByTestId(`calendar-change-${number}`).count(), shown.length);
  await shot(itOffice, '11-calendar');
});
