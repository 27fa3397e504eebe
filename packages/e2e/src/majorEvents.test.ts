// Major-event assurance (重点保障, issue 15) in the browser: the ops manager 孙磊 plans a
// pronouncement in the grand courtroom running now, with 张伟 on site and 刘洋 on standby; the
// engineer 刘洋 finds it under 值班 → 重点保障 with its engineers, pre-event checklist and the
// checklist rounds duty started in inspections (linked, walked by 张伟), court
// staff see no such tab; a ticket court staff file on the courtroom's recorder during the event is
// raised to L2 and its page says why.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

const RECORDER = 'resource:default/courtroom-recorder-t09';
const TITLE = '张某某案公开宣判（端到端）';

let portal: RunningPortal;
let browser: Browser;
let planId: string;

async function call<T>(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const token = await signIn(portal.baseUrl, user);
  const res = await fetch(`${portal.baseUrl}/api${path}`, {
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

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test(
  'the ops manager plans an event running now; an engineer reads it, court staff do not see it',
  { timeout: 240_000 },
  async () => {
    // The court's clock, not this machine's: the event runs from half an hour ago for three hours.
    const { body: onCall } = await call<{ at: string }>(
      'sunlei',
      'GET',
      '/duty/on-call',
    );
    const now = Date.parse(onCall.at);
    const minute = 60_000;
    const start = new Date(Math.floor(now / minute) * minute - 30 * minute);
    const plan = {
      title: TITLE,
      kind: 'trial',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 180 * minute).toISOString(),
      place: 'A-1F-T09',
      scope: [RECORDER],
      onSite: ['user:default/zhangwei'],
      standby: ['user:default/liuyang'],
      communicationPlan: '现场指挥：孙磊；集控室值守：张伟',
    };
    // The catalog may still be reading the devices of a fresh portal.
    let created = await call<{ id: string }>(
      'sunlei',
      'POST',
      '/duty/major-events',
      plan,
    );
    for (let attempt = 0; created.status === 400 && attempt < 60; attempt++) {
      await new Promise(r => setTimeout(r, 1000));
      created = await call('sunlei', 'POST', '/duty/major-events', plan);
    }
    assert.equal(created.status, 201, JSON.stringify(created.body));
    planId = created.body.id;

    const engineer = await signedInPage(browser, portal.baseUrl, 'liuyang');
    await engineer.goto(`${portal.baseUrl}/duty?tab=events`);
    const card = engineer.getByTestId(`event-${planId}`);
    await card.waitFor();
    assert.match(await card.innerText(), /重大庭审/);
    await card.click();
    await engineer
      .getByTestId('event-on-site-list')
      .getByText(/张伟/)
      .waitFor();
    assert.match(
      await engineer.getByTestId('event-standby-list').innerText(),
      /刘洋/,
    );
    assert.match(
      await engineer.getByTestId('event-checks').innerText(),
      /前一个工作日（\d{4}-\d{2}-\d{2}）及开始前一小时/,
    );
    // Both walks of the checklist are past for an event running now: duty started them as
    // inspection rounds when the plan was stored, walked by the on-site engineer 张伟.
    const walks = ['day-before', 'hour-before'];
    for (let attempt = 0; ; attempt++) {
      const { body: stored } = await call<{
        preEventRounds: { check: string; roundId?: string }[];
      }>('liuyang', 'GET', `/duty/major-events/${planId}`);
      const started = stored.preEventRounds.filter(r => r.roundId);
      if (started.length === walks.length) break;
      assert.ok(attempt < 30, JSON.stringify(stored.preEventRounds));
      await new Promise(r => setTimeout(r, 1000));
    }
    // The plan's page keeps its id in the address: a reload reads it again.
    await engineer.reload();
    const walk = engineer.getByTestId('event-round-hour-before');
    await walk.waitFor();
    assert.match(await walk.innerText(), /开始前一小时/);
    const link = walk.getByRole('link', { name: '打开巡检' });
    const href = (await link.getAttribute('href'))!;
    assert.match(href, /^\/inspections\/rounds\/[0-9a-f-]{36}$/);
    const { body: round } = await call<{
      round: { assignee: string };
      checks: { deviceRef: string }[];
    }>('zhangwei', 'GET', href);
    assert.equal(round.round.assignee, 'user:default/zhangwei');
    assert.deepEqual(
      round.checks.map(c => c.deviceRef),
      [RECORDER],
    );
    // An engineer reads the plan; planning it is the ops manager's and the IT office's.
    assert.equal(await engineer.getByTestId('event-edit').count(), 0);
    await engineer.screenshot({
      path: join(screenshots, 'major-event-1-plan.png'),
      fullPage: true,
    });
    await engineer.context().close();

    const staff = await signedInPage(browser, portal.baseUrl, 'xuli');
    await staff.goto(`${portal.baseUrl}/duty`);
    await staff.getByTestId('tab-roster').waitFor();
    assert.equal(await staff.getByTestId('tab-events').count(), 0);
    await staff.context().close();
  },
);

test(
  "a ticket on the courtroom's recorder during the event is raised to L2, and its page says why",
  { timeout: 240_000 },
  async () => {
    const filed = await call<{ number: string; level: string }>(
      'xuli',
      'POST',
      '/tickets/tickets',
      {
        type: 'incident',
        title: '第九法庭庭审主机画面卡顿',
        // L4 by the contract's matrix.
        urgency: 'medium',
        impact: 'small',
        entityRefs: [RECORDER],
      },
    );
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.level, 'L2');

    const desk = await signedInPage(browser, portal.baseUrl, 'lina');
    await desk.goto(`${portal.baseUrl}/tickets/${filed.body.number}`);
    await desk.getByText(`重点保障：${TITLE}`).waitFor();
    await desk.screenshot({
      path: join(screenshots, 'major-event-2-ticket.png'),
      fullPage: true,
    });
    await desk.context().close();
  },
);
