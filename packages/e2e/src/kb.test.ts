// The knowledge base in the browser: court staff search in Chinese and read a how-to but never an
// internal article (in the page, the API or Backstage search); an engineer follows a runbook from
// a device's Knowledge tab, writes, compares and restores an article; the desk gets suggestions
// while filing and turns a problem into a known error; and whatever an article contains, nothing
// runs in the reader's browser.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, screenshots, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';

let portal: RunningPortal;
let browser: Browser;
let staff: Page;
let engineer: Page;

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: join(screenshots, `kb-${name}.png`),
    fullPage: true,
  });

/** The portal's API as an example user. */
async function api<T>(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const token = await signIn(portal.baseUrl, user);
  const res = await fetch(`${portal.baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok)
    throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Summary {
  id: string;
  title: string;
  kind: string;
  visibility: string;
}

/** An article by title, as an engineer (who reads everything) finds it. */
async function articleTitled(title: string): Promise<Summary> {
  const { items } = await api<{ items: Summary[] }>(
    'wangqiang',
    'GET',
    `/kb/articles?limit=100&q=${encodeURIComponent(title)}`,
  );
  const found = items.find(a => a.title === title);
  assert.ok(found, `no article titled ${title}`);
  return found;
}

/** What Backstage search answers a user, as (type, title) pairs. */
async function backstageSearch(user: string, term: string) {
  const { results } = await api<{
    results: { type: string; document: { title: string } }[];
  }>(user, 'GET', `/search/query?term=${encodeURIComponent(term)}`);
  return results.map(r => `${r.type}: ${r.document.title}`);
}

const HOW_TO = '打印机卡纸怎么办 (Printer paper jam)';
const RUNBOOK = 'UPS 转电池供电处置 (UPS on battery)';

test(
  'court staff search in Chinese and read a how-to, never an internal article',
  { timeout: 180_000 },
  async () => {
    staff = await signedInPage(browser, portal.baseUrl, 'xuli');
    await staff.goto(`${portal.baseUrl}/kb`);
    await staff.getByTestId('kb-results').waitFor();
    await shot(staff, '1-home-court-staff');

    await staff.getByTestId('kb-search').fill('打印机');
    await staff.keyboard.press('Enter');
    const results = staff.getByTestId('kb-results');
    await results.getByText('打印机卡纸怎么办').first().waitFor();
    assert.equal(await results.getByTestId('visibility-internal').count(), 0);
    await shot(staff, '2-search-in-chinese');

    await results.getByRole('link', { name: /打印机卡纸怎么办/ }).click();
    await staff
      .getByTestId('article-title')
      .filter({ hasText: '打印机卡纸怎么办' })
      .waitFor();
    assert.match(
      await staff.getByTestId('article-body').innerText(),
      /打开前盖/,
    );
    assert.equal(
      await staff.getByTestId('article-edit').count(),
      0,
      'court staff do not edit',
    );
    await shot(staff, '3-reads-how-to');

    // The runbooks are the O&M team's: not in the page, not by their address.
    const runbook = await articleTitled(RUNBOOK);
    assert.equal(runbook.visibility, 'internal');
    await staff.goto(`${portal.baseUrl}/kb?q=UPS`);
    await staff.getByTestId('kb-search').waitFor();
    await staff.getByText(/找到 \d+ 篇/).waitFor();
    assert.equal(await staff.getByText(RUNBOOK).count(), 0);
    await staff.goto(`${portal.baseUrl}/kb/articles/${runbook.id}`);
    await staff.getByText('没有这篇文章，或者您无权阅读。').waitFor();
    const { items } = await api<{ items: Summary[] }>(
      'xuli',
      'GET',
      '/kb/articles?limit=100',
    );
    assert.ok(items.length > 0 && items.every(a => a.visibility === 'public'));
  },
);

test(
  'Backstage search finds articles in Chinese, and court staff only the public ones',
  { timeout: 180_000 },
  async () => {
    // The collator runs shortly after start (until then search has no index and answers 500);
    // wait for the engineer to see the runbook.
    for (let attempt = 0; ; attempt++) {
      const seen = await backstageSearch('wangqiang', '电池供电').catch(
        (): string[] => [],
      );
      if (seen.includes(`kb-article: ${RUNBOOK}`)) break;
      assert.ok(
        attempt < 60,
        'the knowledge articles never reached Backstage search',
      );
      await new Promise(r => setTimeout(r, 2000));
    }
    assert.ok(
      (await backstageSearch('xuli', '卡纸')).includes(`kb-article: ${HOW_TO}`),
    );
    const { items: all } = await api<{ items: Summary[] }>(
      'wangqiang',
      'GET',
      '/kb/articles?limit=100',
    );
    const internal = new Set(
      all
        .filter(a => a.visibility === 'internal')
        .map(a => `kb-article: ${a.title}`),
    );
    for (const term of ['电池供电', 'UPS', '备份', '病毒', 'switch']) {
      const engineerSees = (await backstageSearch('wangqiang', term)).filter(
        r => internal.has(r),
      );
      assert.ok(
        engineerSees.length > 0,
        `the engineer finds internal articles for ${term}`,
      );
      const staffSees = (await backstageSearch('xuli', term)).filter(r =>
        internal.has(r),
      );
      assert.deepEqual(
        staffSees,
        [],
        `court staff saw internal articles for ${term}`,
      );
    }
    await ensureEngineer();
    await engineer.goto(
      `${portal.baseUrl}/search?query=${encodeURIComponent('电池供电')}`,
    );
    await engineer.getByTestId('kb-search-result').first().waitFor();
    await shot(engineer, '4-backstage-search');
  },
);

/** The engineer's page, signed in once for the tests that need it. */
async function ensureEngineer() {
  engineer ??= await signedInPage(browser, portal.baseUrl, 'wangqiang');
}

test(
  "an engineer opens a device's Knowledge tab and follows a runbook",
  { timeout: 180_000 },
  async () => {
    await ensureEngineer();
    await engineer.goto(
      `${portal.baseUrl}/catalog/default/resource/ups-01/knowledge`,
    );
    const tab = engineer.getByTestId('entity-articles');
    await tab.getByText(RUNBOOK).waitFor();
    await shot(engineer, '5-device-knowledge-tab');

    await tab.getByRole('link', { name: RUNBOOK }).click();
    await engineer.getByTestId('article-read-only').waitFor();
    assert.equal(
      await engineer.getByTestId('article-source').innerText(),
      'docs/runbooks/ups-on-battery.md',
    );
    assert.equal(
      await engineer.getByTestId('article-edit').count(),
      0,
      'a runbook file is edited as a file',
    );
    const steps = engineer.getByTestId('article-body').locator('ol > li');
    assert.ok((await steps.count()) >= 8, 'the runbook has its steps');
    assert.match(await steps.first().innerText(), /UPS 面板|网管/);
    await shot(engineer, '6-follows-runbook');
  },
);

test(
  'an engineer writes an article with a preview, edits it, compares and restores a version',
  { timeout: 180_000 },
  async () => {
    await ensureEngineer();
    const title = `第二法庭打印机缺纸提示 ${Date.now()}`;
    await engineer.goto(
      `${portal.baseUrl}/kb/new?entity=${encodeURIComponent(
        'resource:default/printer-02',
      )}`,
    );
    await engineer.getByTestId('article-editor').waitFor();
    await engineer.getByTestId('editor-visibility').selectOption('public');
    await engineer.getByTestId('editor-title').fill(title);
    await engineer
      .getByTestId('editor-body')
      .fill('1. 打开纸盒\n2. 放入 A4 纸\n3. **推紧**纸盒');
    const preview = engineer.getByTestId('editor-preview');
    await preview.locator('ol > li').nth(2).waitFor();
    assert.equal(await preview.locator('strong').innerText(), '推紧');
    await shot(engineer, '7-editor-preview');
    await engineer.getByTestId('editor-save').click();
    await engineer.waitForURL(/\/kb\/articles\/KB-\d{5}$/);
    await engineer
      .getByTestId('article-title')
      .filter({ hasText: title })
      .waitFor();
    const id = engineer.url().split('/').pop()!;

    await engineer.getByTestId('article-edit').click();
    await engineer
      .getByTestId('editor-body')
      .fill('1. 打开纸盒\n2. 放入 A4 纸，不超过限高线\n3. **推紧**纸盒');
    await engineer.getByTestId('editor-save').click();
    await engineer.getByTestId('version-2').waitFor();

    await engineer.getByTestId('version-2-changes').click();
    const diff = engineer.getByTestId('diff-body');
    await diff.waitFor();
    assert.match(
      await diff.locator('[data-kind="added"]').innerText(),
      /不超过限高线/,
    );
    assert.match(
      await diff.locator('[data-kind="removed"]').innerText(),
      /放入 A4 纸$/,
    );
    await engineer.waitForTimeout(500); // the dialog fades in
    await shot(engineer, '8-version-diff');
    await engineer.keyboard.press('Escape');

    await engineer.getByTestId('version-1-restore').click();
    await engineer.getByTestId('restore-confirm').click();
    await engineer.getByTestId('version-3').waitFor();
    assert.doesNotMatch(
      await engineer.getByTestId('article-body').innerText(),
      /限高线/,
    );
    await shot(engineer, '9-restored');
    const versions = await api<{ version: number; restoredFrom?: number }[]>(
      'wangqiang',
      'GET',
      `/kb/articles/${id}/versions`,
    );
    assert.deepEqual(
      versions.map(v => [v.version, v.restoredFrom]),
      [
        [3, 1],
        [2, undefined],
        [1, undefined],
      ],
    );
  },
);

/**
 * Markdown an attacker (or a careless paste from a web page) might put in an article. Each would
 * set window.__kbXss, open a dialog or navigate away if it ran.
 */
const XSS_PAYLOADS = [
  '<script>window.__kbXss = "script"</script>',
  '<img src="x" onerror="window.__kbXss = \'img onerror\'">',
  '<svg onload="window.__kbXss = \'svg onload\'"><circle r="5"/></svg>',
  '<svg><script>window.__kbXss = "svg script"</script></svg>',
  '<iframe src="javascript:window.__kbXss=\'iframe\'"></iframe>',
  '<a href="javascript:window.__kbXss=\'raw link\'">raw html link</a>',
  '<details open ontoggle="window.__kbXss=\'ontoggle\'">details</details>',
  '<div style="background-image:url(javascript:window.__kbXss=1)">styled</div>',
  '<object data="javascript:window.__kbXss=\'object\'"></object>',
  "[md link](javascript:window.__kbXss='md link')",
  "[mixed case](JaVaScRiPt:window.__kbXss='case')",
  "[tab inside](java\tscript:window.__kbXss='tab')",
  "[entity](&#106;avascript:window.__kbXss='entity')",
  "[entity colon](javascript&#58;window.__kbXss='colon')",
  "[hex entity](&#x6A;avascript:window.__kbXss='hex')",
  '[data url](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vbscript](vbscript:msgbox(1))',
  "![image](javascript:window.__kbXss='image')",
  '![svg image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__kbXss=\'mxss\'">',
  '&lt;script&gt;window.__kbXss = "entities"&lt;/script&gt;',
  '[safe](https://example.org/manual) [mail](mailto:desk@court.example) [ticket](/tickets)',
];

/** Whatever the page has that could run code or leave the portal, as a list of findings. */
async function unsafeThings(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate(root => {
    const found: string[] = [];
    if ((window as unknown as { __kbXss?: string }).__kbXss !== undefined) {
      found.push(`ran: ${(window as unknown as { __kbXss: string }).__kbXss}`);
    }
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (
        [
          'script',
          'iframe',
          'object',
          'embed',
          'style',
          'svg',
          'math',
        ].includes(tag)
      ) {
        found.push(`element ${tag}`);
      }
      for (const name of el.getAttributeNames()) {
        if (/^on/i.test(name)) found.push(`${tag} ${name}`);
        if (name === 'style') found.push(`${tag} style`);
      }
      for (const name of ['href', 'src', 'action', 'data']) {
        const url = el.getAttribute(name);
        if (url !== null && !/^(https?:|mailto:|\/|#|\.)/i.test(url.trim())) {
          found.push(`${tag} ${name}=${url}`);
        }
      }
    }
    return found;
  });
}

test(
  'whatever an article contains, nothing runs and no unsafe URL is followed',
  { timeout: 180_000 },
  async () => {
    const page = await signedInPage(browser, portal.baseUrl, 'wangqiang');
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    const body = XSS_PAYLOADS.join('\n\n');
    const article = await api<{ id: string }>(
      'wangqiang',
      'POST',
      '/kb/articles',
      {
        kind: 'faq',
        title: `XSS 载荷测试 ${Date.now()}`,
        body,
        visibility: 'internal',
      },
    );
    await page.goto(`${portal.baseUrl}/kb/articles/${article.id}`);
    await page.getByTestId('article-body').getByText('safe').waitFor();
    await page.waitForTimeout(1000);
    assert.deepEqual(await unsafeThings(page, 'article-body'), []);

    // Click every link: none leaves the portal for a script, none runs anything.
    const links = page.getByTestId('article-body').locator('a');
    for (let i = 0; i < (await links.count()); i++) {
      const href = (await links.nth(i).getAttribute('href')) ?? '';
      if (/^https?:|^mailto:/.test(href)) continue; // the safe ones leave for the web or mail
      await links
        .nth(i)
        .click({ modifiers: ['Control'] })
        .catch(() => {});
    }
    assert.deepEqual(await unsafeThings(page, 'article-body'), []);
    await shot(page, '10-xss-article');

    // The editor's preview renders as it is typed: the same payloads stay inert there too.
    await page.goto(`${portal.baseUrl}/kb/new`);
    await page.getByTestId('editor-body').fill(body);
    await page.getByTestId('editor-preview').getByText('safe').waitFor();
    await page.waitForTimeout(1000);
    assert.deepEqual(await unsafeThings(page, 'editor-preview'), []);
    assert.deepEqual(dialogs, []);
    await shot(page, '11-xss-preview');
    await page.context().close();
  },
);

test(
  'the desk sees articles while filing, and a problem becomes a known error in one step',
  { timeout: 180_000 },
  async () => {
    const desk = await signedInPage(browser, portal.baseUrl, 'lina');
    await desk.goto(
      `${portal.baseUrl}/tickets/new?entity=${encodeURIComponent(
        'resource:default/printer-01',
      )}`,
    );
    await desk
      .getByTestId('ticket-title')
      .fill('院办公室打印机卡纸，纸取不出来');
    const suggestions = desk.getByTestId('article-suggestions');
    await suggestions.getByText('打印机卡纸怎么办').first().waitFor();
    await shot(desk, '12-suggestions-while-filing');

    const problem = await api<{ number: string }>(
      'lina',
      'POST',
      '/tickets/tickets',
      {
        type: 'problem',
        title: `第一法庭庭审录像反复无声音 ${Date.now()}`,
        description: '近一周第一法庭三次庭审录像没有声音',
        urgency: 'medium',
        impact: 'medium',
        entityRefs: ['resource:default/courtroom-recorder-t01'],
      },
    );
    await ensureEngineer();
    await engineer.goto(`${portal.baseUrl}/tickets/${problem.number}`);
    await engineer.getByTestId('action-known-error').click();
    await engineer
      .getByTestId('known-error-cause')
      .fill('审判台拾音器音频线插头无锁扣，挪动桌子后松动');
    await engineer
      .getByTestId('known-error-workaround')
      .fill('开庭前试录，电平表不动就插紧音频线');
    await engineer.getByTestId('known-error-create').click();
    const link = engineer
      .getByTestId('ticket-links')
      .getByRole('link', { name: /^KB-\d{5}$/ });
    await link.waitFor();
    await shot(engineer, '13-problem-linked-to-known-error');
    await link.click();
    await engineer
      .getByTestId('article-cause')
      .getByText('音频线插头无锁扣', { exact: false })
      .waitFor();
    assert.match(
      await engineer.getByTestId('article-symptom').innerText(),
      /三次庭审录像没有声音/,
    );
    assert.match(
      await engineer.getByTestId('article-facts').innerText(),
      new RegExp(problem.number),
    );
    await shot(engineer, '14-known-error');
  },
);
