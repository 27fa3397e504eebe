// Duty (issue 15) in the browser: the ops manager 孙磊 generates next month's roster; the phone-duty
// engineer 王强 asks for its last day off; the court IT office 黄军 and the ops manager both approve;
// the check then reports the night nobody is on the phone, and the ops manager names 李娜 as the
// substitute: the calendar shows her and the roster publishes. She then hands that night to 张伟
// on the Swaps tab, the ops manager approves and the calendar shows him. On a phone-sized window an
// engineer on shift now checks in from the duty room's QR code.
//
// With the example court's five engineers every day is full (two at the desk, two on software, one
// on the phone), so the only legal substitute is for the month's last night: any other night's
// substitute would owe the next morning's rest after phone duty.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

let portal: RunningPortal;
let browser: Browser;
let opsManager: Page;
/** The month the test generates: the first after the court's current one without a roster. */
let month: string;
/** How many months after the current one that is (clicks on "next month"). */
let monthsAhead: number;
let lastDay: string;

interface Shift {
  id: string;
  date: string;
  kind: 'on-site' | 'phone';
  post?: string;
  engineer: string | null;
}
interface Roster {
  status: string;
  shifts: Shift[];
  problems: { rule: string; date?: string }[];
}

async function api<T>(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const token = await signIn(portal.baseUrl, user);
  const res = await fetch(`${portal.baseUrl}/api/duty${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** The court's month now (its clock, its zone), as the duty page opens on it. */
async function courtMonth(): Promise<string> {
  const { body } = await api<{ at: string }>('sunlei', 'GET', '/on-call');
  return new Date(body.at)
    .toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    .slice(0, 7);
}

function plusMonths(yearMonth: string, count: number): string {
  const [year, monthNumber] = yearMonth.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthNumber - 1 + count, 1));
  return date.toISOString().slice(0, 7);
}

function lastDayOf(yearMonth: string): string {
  const [year, monthNumber] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: join(screenshots, `duty-${name}.png`),
    fullPage: true,
  });

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  const current = await courtMonth();
  // A fresh portal has no roster: next month. A portal reused while writing a test may have one.
  for (monthsAhead = 1; ; monthsAhead++) {
    month = plusMonths(current, monthsAhead);
    if ((await api('sunlei', 'GET', `/rosters/${month}`)).status === 404) break;
  }
  lastDay = lastDayOf(month);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test(
  'the ops manager generates next month; the check finds every rule kept',
  { timeout: 240_000 },
  async () => {
    opsManager = await signedInPage(browser, portal.baseUrl, 'sunlei');
    await opsManager.goto(`${portal.baseUrl}/duty`);
    for (let i = 0; i < monthsAhead; i++) {
      await opsManager.getByTestId('month-next').click();
    }
    await opsManager.getByTestId('roster-missing').waitFor();
    assert.match(
      await opsManager.getByTestId('roster-month').innerText(),
      new RegExp(month),
    );
    await opsManager.getByTestId('roster-generate').click();
    await opsManager.getByTestId('roster-calendar').waitFor();
    assert.equal(
      await opsManager.getByTestId('roster-status').innerText(),
      '草稿',
    );
    assert.equal(
      await opsManager.locator('[data-testid^="problem-"]').count(),
      0,
      await opsManager.getByTestId('roster-problems').innerText(),
    );
    // The last night's phone duty went to 王强, the engineer without a day post to stand.
    await opsManager
      .getByTestId(`cell-${lastDay}-phone`)
      .getByText('王强', { exact: true })
      .waitFor();
    await shot(opsManager, '1-generated');
  },
);

let leaveId: string;

test(
  '王强 asks for the last day of the month off',
  { timeout: 240_000 },
  async () => {
    const engineer = await signedInPage(browser, portal.baseUrl, 'wangqiang');
    await engineer.goto(`${portal.baseUrl}/duty?tab=leave`);
    await engineer.getByTestId('leave-from').fill(lastDay);
    await engineer.getByTestId('leave-to').fill(lastDay);
    await engineer.getByTestId('leave-reason').fill('家中有事');
    await engineer.getByTestId('leave-submit').click();
    const card = engineer
      .locator('[data-testid^="leave-"]')
      .filter({ hasText: `${lastDay} 至 ${lastDay}` });
    await card.waitFor();
    leaveId = ((await card.getAttribute('data-testid')) ?? '').replace(
      /^leave-/,
      '',
    );
    assert.equal(await card.getByTestId('leave-status').innerText(), '待审批');
    // He cannot decide his own leave.
    assert.equal(await card.getByTestId('leave-approve').count(), 0);
    await shot(engineer, '2-leave-requested');
    await engineer.context().close();
  },
);

test(
  'the court IT office and the ops manager both approve',
  { timeout: 240_000 },
  async () => {
    const itOffice = await signedInPage(browser, portal.baseUrl, 'huangjun');
    await itOffice.goto(`${portal.baseUrl}/duty?tab=leave`);
    const itCard = itOffice.getByTestId(`leave-${leaveId}`);
    await itCard.getByTestId('leave-approve').click();
    await itCard.getByText(/法院信息技术处: 已批准/).waitFor();
    // One approval is not enough.
    assert.equal(
      await itCard.getByTestId('leave-status').innerText(),
      '待审批',
    );
    await shot(itOffice, '3-court-approved');
    await itOffice.context().close();

    await opsManager.goto(`${portal.baseUrl}/duty?tab=leave`);
    const card = opsManager.getByTestId(`leave-${leaveId}`);
    await card.getByTestId('leave-approve').click();
    await card
      .getByTestId('leave-status')
      .filter({ hasText: '已批准' })
      .waitFor();
    await shot(opsManager, '4-both-approved');
  },
);

test(
  'the check reports the uncovered night; the ops manager names a substitute and publishes',
  { timeout: 240_000 },
  async () => {
    await opsManager
      .getByTestId(`leave-${leaveId}`)
      .getByTestId('leave-substitute')
      .click();
    await opsManager.getByTestId('roster-calendar').waitFor();
    const problems = opsManager.getByTestId('roster-problems');
    await problems.getByTestId('problem-vacant').waitFor();
    assert.match(
      await problems.innerText(),
      new RegExp(`${lastDay}：电话值班 0 人`),
    );
    await shot(opsManager, '5-gap');

    const cell = opsManager.getByTestId(`cell-${lastDay}-phone`);
    assert.equal((await cell.innerText()).trim(), '空缺');
    await cell.locator('[data-testid^="shift-"]').click();
    // Naming him back while he is on leave is refused, naming why, and nothing changes.
    await opsManager
      .getByTestId('assign-engineer')
      .selectOption('user:default/wangqiang');
    await opsManager.getByTestId('assign-save').click();
    await opsManager.getByTestId('assign-error').waitFor();
    await opsManager
      .getByTestId('assign-engineer')
      .selectOption('user:default/lina');
    await opsManager.getByTestId('assign-save').click();
    await opsManager.getByTestId('assign-save').waitFor({ state: 'detached' });
    await cell.getByText('李娜').waitFor();
    await problems.filter({ hasText: '规则全部满足' }).waitFor();
    await shot(opsManager, '6-substitute');

    await opsManager.getByTestId('roster-publish').click();
    await opsManager
      .getByTestId('roster-status')
      .filter({ hasText: '已发布' })
      .waitFor();
    const { body } = await api<Roster>('huangjun', 'GET', `/rosters/${month}`);
    assert.equal(body.status, 'published');
    const night = body.shifts.filter(
      s => s.date === lastDay && s.kind === 'phone',
    );
    assert.deepEqual(
      night.map(s => s.engineer),
      ['user:default/lina'],
    );
  },
);

test(
  '李娜 hands the last night to 张伟; the ops manager approves and the calendar shows him',
  { timeout: 240_000 },
  async () => {
    const { body: before } = await api<Roster>(
      'lina',
      'GET',
      `/rosters/${month}`,
    );
    const night = before.shifts.find(
      s => s.date === lastDay && s.kind === 'phone',
    )!;
    const engineer = await signedInPage(browser, portal.baseUrl, 'lina');
    await engineer.goto(`${portal.baseUrl}/duty?tab=swaps&month=${month}`);
    await engineer.getByTestId('swap-shift').selectOption(night.id);
    await engineer
      .getByTestId('swap-colleague')
      .selectOption('user:default/zhangwei');
    await engineer.getByTestId('swap-submit').click();
    await engineer.getByTestId('swap-requested').waitFor();
    await shot(engineer, '7-swap-requested');
    await engineer.context().close();

    await opsManager.goto(`${portal.baseUrl}/duty?tab=swaps&month=${month}`);
    const waiting = opsManager
      .locator('[data-testid^="swap-"]')
      .filter({ hasText: '李娜 → 张伟' })
      .filter({ hasText: '待运维经理审批' });
    await waiting.waitFor();
    // The card by its own id: its text changes once decided.
    const card = opsManager.getByTestId(
      (await waiting.getAttribute('data-testid'))!,
    );
    await card.getByTestId('swap-approve').click();
    await card
      .getByTestId('swap-status')
      .filter({ hasText: '已批准' })
      .waitFor();
    await card.getByTestId('swap-open-roster').click();
    await opsManager.getByTestId('roster-calendar').waitFor();
    await opsManager
      .getByTestId(`cell-${lastDay}-phone`)
      .getByText('张伟')
      .waitFor();
    await shot(opsManager, '8-swap-approved');
    const { body: after } = await api<Roster>(
      'huangjun',
      'GET',
      `/rosters/${month}`,
    );
    assert.deepEqual(
      after.shifts
        .filter(s => s.date === lastDay && s.kind === 'phone')
        .map(s => s.engineer),
      ['user:default/zhangwei'],
    );
  },
);

test(
  'on a phone-sized window an engineer on shift now checks in from the duty room',
  { timeout: 240_000 },
  async () => {
    // This month's roster, so someone is on shift whatever the hour the test runs.
    const current = await courtMonth();
    if ((await api('sunlei', 'GET', `/rosters/${current}`)).status === 404) {
      assert.equal(
        (await api('sunlei', 'POST', `/rosters/${current}/generate`, {}))
          .status,
        201,
      );
    }
    const { body: onCall } = await api<{
      onSite: { engineer: string }[];
      phone?: string;
    }>('sunlei', 'GET', '/on-call');
    const onShift = onCall.onSite[0]?.engineer ?? onCall.phone;
    assert.ok(onShift, 'someone is on shift now');
    const name = onShift.replace(/^user:default\//, '');

    const phone = await signedInPage(browser, portal.baseUrl, name, {
      width: 390,
      height: 844,
    });
    await phone.goto(`${portal.baseUrl}/duty/check-in?room=court-duty-room`);
    const button = phone.getByTestId('check-in');
    await button.waitFor();
    const box = await button.boundingBox();
    assert.ok(
      box && box.x >= 0 && box.x + box.width <= 390,
      'the button fits the phone’s width',
    );
    assert.ok(box.height >= 48, 'the button is big enough for a thumb');
    await button.click();
    await phone.getByTestId('check-in-result').waitFor();
    assert.match(
      await phone.getByTestId('check-in-result').innerText(),
      /已签到/,
    );
    await shot(phone, '7-checked-in');

    const { body: records } = await api<
      { checkedInAt?: string; method?: string; shift: { engineer: string } }[]
    >(name, 'GET', `/attendance?month=${current}`);
    const mine = records.filter(
      r => r.checkedInAt && r.shift.engineer === onShift,
    );
    assert.equal(mine.length, 1);
    assert.equal(mine[0].method, 'qr');
    await phone.context().close();
  },
);
