// The month's service report in the browser (issue 13): the ops manager 孙磊 opens last month,
// drills from the breaches tile to the ticket that breached, and issues the report; 黄军 of the
// court IT office acknowledges it.
//
// A breach can only count in a period that has ended, so this portal runs on a clock of its own:
// Debian's libfaketime with an offset file. It starts on the 10th of last month (Beijing), an
// incident is filed then and left unanswered; the clock then jumps to the 1st of this month, where
// the desk answers it (the projection records the response clock's breach on the 10th) and the
// browser, whose clock is set to the same instant, reports on the month that just ended.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots } from './browser.ts';
import { exampleCourt } from './catalog.ts';
import { signIn, startPortal, type RunningPortal } from './portal.ts';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const HOUR = 3_600_000;
const BEIJING = 8 * HOUR; // China keeps no daylight saving

let portal: RunningPortal;
let browser: Browser;
const offsetFile = join(
  mkdtempSync(join(tmpdir(), 'court-ops-clock-')),
  'offset',
);
/** How far the portal's clock is from the machine's, in milliseconds. */
let offsetMs = 0;

/** Moves the portal's clock to `instant` (ms since the epoch, UTC); it ticks on from there. */
async function setPortalClock(instant: number) {
  offsetMs = instant - Date.now();
  writeFileSync(
    offsetFile,
    `${offsetMs >= 0 ? '+' : ''}${Math.round(offsetMs / 1000)}\n`,
  );
  // libfaketime reads the file at most once a second (FAKETIME_CACHE_DURATION below).
  await new Promise(r => setTimeout(r, 2_500));
}

const portalNow = () => Date.now() + offsetMs;

/** The machine's "last month" in Beijing, as [year, month index]. */
const beijingToday = new Date(Date.now() + BEIJING);
const lastMonth = new Date(
  Date.UTC(beijingToday.getUTCFullYear(), beijingToday.getUTCMonth() - 1, 1),
);
const year = lastMonth.getUTCFullYear();
const month = lastMonth.getUTCMonth();
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** 09:00 in Beijing on the 10th of last month, and 10:00 on the 1st of this month. */
const filedAt = Date.UTC(year, month, 10, 9) - BEIJING;
const answeredAt = Date.UTC(year, month + 1, 1, 10) - BEIJING;
const period = {
  from: iso(Date.UTC(year, month, 1)),
  to: iso(Date.UTC(year, month + 1, 0)),
};

const recorder = exampleCourt().find(
  e => e.kind === 'Resource' && e.spec?.type === 'courtroom-recorder',
)!;
let number = '';
/** Clocks breached last month: the incident's response and arrival, as the portal counts them. */
let breached = 0;

before(async () => {
  assert.ok(
    existsSync(LIBFAKETIME),
    `libfaketime is missing (apt-get install faketime): ${LIBFAKETIME}`,
  );
  browser = await launchChromium();
  // The portal starts (and builds) on the 10th; the incident is filed a few minutes later.
  offsetMs = filedAt - Date.now();
  writeFileSync(offsetFile, `${Math.round(offsetMs / 1000)}\n`);
  // Only the portal's processes get the clock; this test and Chromium keep the machine's.
  const saved = { ...process.env };
  Object.assign(process.env, {
    LD_PRELOAD: LIBFAKETIME,
    FAKETIME_TIMESTAMP_FILE: offsetFile,
    FAKETIME_CACHE_DURATION: '1',
    // Timers keep real time: the portal's wake-ups are not what this test is about.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  });
  try {
    portal = await startPortal();
  } finally {
    for (const key of [
      'LD_PRELOAD',
      'FAKETIME_TIMESTAMP_FILE',
      'FAKETIME_CACHE_DURATION',
      'FAKETIME_DONT_FAKE_MONOTONIC',
    ]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

async function api<T>(user: string, path: string, body?: unknown): Promise<T> {
  const token = await signIn(portal.baseUrl, user);
  const res = await fetch(`${portal.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** Signed in as `user` in a browser whose clock is the portal's. */
async function signedInAtPortalTime(user: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.clock.install({ time: portalNow() });
  await page.goto(portal.baseUrl);
  await page.getByTestId(`sign-in-as-${user}`).click();
  await page.getByTestId('court-welcome').waitFor();
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: join(screenshots, `reports-${name}.png`),
    fullPage: true,
  });

test(
  'an incident filed on the 10th of last month is answered only on the 1st of this month',
  { timeout: 120_000 },
  async () => {
    const created = await api<{ number: string; createdAt: string }>(
      'lina',
      '/api/tickets/tickets',
      {
        type: 'incident',
        title: `${
          recorder.metadata.title ?? recorder.metadata.name
        } 录像中断（报表测试）`,
        urgency: 'high',
        impact: 'medium',
        entityRefs: [`resource:default/${recorder.metadata.name}`],
      },
    );
    number = created.number;
    assert.equal(
      created.createdAt.slice(0, 10),
      iso(filedAt),
      `filed at the portal's clock: ${created.createdAt}`,
    );

    await setPortalClock(answeredAt);
    const { ticket } = await api<{ ticket: { version: number } }>(
      'lina',
      `/api/tickets/tickets/${number}`,
    );
    await api('lina', `/api/tickets/tickets/${number}/actions`, {
      action: 'acknowledge',
      version: ticket.version,
    });

    // The tickets backend counts the breach in last month.
    const figures = await api<{
      current: { tickets: { compliance: { total: { breached: number } } } };
    }>(
      'sunlei',
      `/api/reports/figures?kind=month&from=${period.from}&to=${period.to}`,
    );
    breached = figures.current.tickets.compliance.total.breached;
    // Filed at 09:00 on a day of last month and not answered that month: its response clock (and
    // its arrival clock, when the level has one) breached there.
    assert.ok(breached >= 1, `breached clocks: ${breached}`);
  },
);

test(
  'the ops manager opens last month, drills from the breaches tile to the ticket, and issues the report',
  { timeout: 240_000 },
  async () => {
    const page = await signedInAtPortalTime('sunlei');
    await page.goto(`${portal.baseUrl}/reports`);
    await page.getByTestId('report-figures').waitFor();
    assert.match(
      await page.getByTestId('period-range').innerText(),
      new RegExp(`${period.from}.*${period.to}`),
    );
    assert.equal(
      await page.getByTestId('tile-breaches-value').innerText(),
      String(breached),
    );
    await shot(page, '1-month');
    // On paper: the figures without the sidebar, the period controls or the buttons.
    // The sidebar's links (its nav element itself has no box: the drawer inside is fixed).
    const sidebar = page.locator('nav[aria-label="sidebar nav"] a').first();
    assert.equal(await sidebar.isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      sidebar,
      page.getByTestId('period-kind'),
      page.getByTestId('print-report'),
    ]) {
      assert.equal(await hidden.isVisible(), false);
    }
    for (const shown of ['tile-breaches-value', 'period-range']) {
      assert.equal(await page.getByTestId(shown).isVisible(), true, shown);
    }
    await shot(page, '1-print');
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('tile-breaches-drill').click();
    const row = page.getByTestId(`drill-row-${number}`);
    await row.waitFor();
    assert.equal(
      await page
        .getByTestId('drill-down')
        .locator('[data-testid^="drill-row-"]')
        .count(),
      1,
    );
    await shot(page, '2-drill-down');
    await row.getByTestId(`ticket-link-${number}`).click();
    await page.waitForURL(new RegExp(`/tickets/${number}$`));
    await page.getByTestId('ticket-number').getByText(number).waitFor();

    await page.goto(`${portal.baseUrl}/reports`);
    await page.getByTestId('issue-report').click();
    await page.getByTestId('confirm-issue').click();
    await page.getByTestId('issue-outcome').waitFor();
    const docx = await page.getByTestId('file-1-report.docx').innerText();
    assert.match(docx, /SHA-256 [0-9a-f]{64}/);
    await page.getByTestId('file-1-report.xlsx').waitFor();
    // The Word file downloads with the user's token: its bytes hash to the SHA-256 shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('[data-testid^="download-"][data-testid$="-report.docx"]')
        .click(),
    ]);
    assert.equal(download.suggestedFilename(), 'report.docx');
    const bytes = readFileSync(await download.path());
    assert.ok(
      docx.includes(createHash('sha256').update(bytes).digest('hex')),
      docx,
    );
    assert.equal(
      await page.getByTestId('acknowledge-1').count(),
      0,
      'the ops manager does not acknowledge',
    );
    await shot(page, '3-issued');
    await page.context().close();
  },
);

test(
  'the court IT office acknowledges receipt of the issued report',
  { timeout: 180_000 },
  async () => {
    const page = await signedInAtPortalTime('huangjun');
    await page.goto(`${portal.baseUrl}/reports`);
    // Both permission answers came together: acknowledging is offered, issuing is not.
    await page.getByTestId('acknowledge-1').waitFor();
    assert.equal(
      await page.getByTestId('issue-report').count(),
      0,
      'the court IT office does not issue',
    );
    await page.getByTestId('acknowledge-1').click();
    await page.getByTestId('acknowledge-1').waitFor({ state: 'detached' });
    assert.match(
      await page.getByTestId('receipt-1').innerText(),
      /黄军|huangjun/,
    );
    await shot(page, '4-acknowledged');
    await page.context().close();

    const [report] = await api<
      Array<{ version: number; acknowledgedBy?: string }>
    >(
      'sunlei',
      `/api/reports/reports?kind=month&from=${period.from}&to=${period.to}`,
    );
    assert.equal(report.version, 1);
    assert.equal(report.acknowledgedBy, 'user:default/huangjun');
  },
);
