// Chinese throughout (issue 19): signed in as one example user per role, in Chinese (the default),
// every page of the sidebar, the home page, a system and a device page, search and settings show no
// English word outside the allow list (visibleText.ts) and the words of the court's own data (the
// catalog's entities and the knowledge base's articles, which are data, not UI). In English, the
// same user's sidebar and home speak English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, signedInPage } from './browser.ts';
import { portalForTest, signIn, type RunningPortal } from './portal.ts';
import { ALLOWED_LATIN, untranslatedWords, visibleText } from './visibleText.ts';

const ROLE_USERS = {
  'court staff': 'xuli',
  desk: 'lina',
  engineer: 'wangqiang',
  'ops manager': 'sunlei',
  'court IT office': 'wuxia',
} as const;

/** Pages every role can open besides its sidebar: a system, a device, search, settings, notifications. */
const MORE_PAGES = [
  '/catalog/default/system/courtroom-trial',
  '/catalog/default/resource/conference-codec-01',
  '/search?query=%E6%89%93%E5%8D%B0%E6%9C%BA',
  '/settings',
  '/notifications',
];

let portal: RunningPortal;
let browser: Browser;
let allowed: Set<string>;

/** Every Latin word in a JSON value's strings. */
function latinWordsOf(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    for (const word of value.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []) into.add(word);
  } else if (Array.isArray(value)) {
    for (const item of value) latinWordsOf(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) latinWordsOf(item, into);
  }
  return into;
}

/**
 * The Latin words of the court's own data, which pages show as entered: every string of every
 * catalog entity (names, titles, descriptions, device facts), of every knowledge-base article and
 * of each user's notifications.
 * UI text is never stored there, so it cannot hide behind this list.
 */
/** Adds the Latin words of what `user` reads at `path` to `words`. */
async function readDataWords(baseUrl: string, user: string, path: string, words: Set<string>) {
  const token = await signIn(baseUrl, user);
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, path);
  latinWordsOf(await res.json(), words);
}

async function courtDataWords(baseUrl: string): Promise<Set<string>> {
  const words = new Set<string>();
  const read = (user: string, path: string) => readDataWords(baseUrl, user, path, words);
  await read('wangqiang', '/api/kb/export?limit=500');
  // Spare part types: their codes (hdd-4tb-recorder) and model names are data.
  await read('wangqiang', '/api/spares/part-types');
  for (const user of Object.values(ROLE_USERS)) {
    // Each role reads its own part of the catalog (templates are per role).
    await read(user, '/api/catalog/entities');
    await addNotificationWords(baseUrl, user, words);
  }
  return words;
}

/**
 * Notifications are stored as sent: the court's are written in both languages for every reader.
 * The list cuts a long description short, mid-word ("Janua"): a cut data word is still data.
 */
async function addNotificationWords(baseUrl: string, user: string, words: Set<string>) {
  const notified = new Set<string>();
  await readDataWords(baseUrl, user, '/api/notifications/notifications?limit=200', notified);
  for (const word of notified) {
    for (let end = 2; end <= word.length; end++) words.add(word.slice(0, end));
  }
}

before(async () => {
  portal = await portalForTest();
  browser = await launchChromium();
  allowed = new Set([...ALLOWED_LATIN, ...(await courtDataWords(portal.baseUrl))]);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

async function settled(page: Page, path: string) {
  await page.goto(`${portal.baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  // Lazily loaded pages and their data settle after the network does.
  await page.waitForTimeout(1_000);
}

async function navPaths(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const hrefs = await page
    .locator('nav a[href^="/"]')
    .evaluateAll(links => links.map(a => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)];
}

for (const [role, user] of Object.entries(ROLE_USERS)) {
  test(`${role} (${user}) in Chinese: no English outside the allow list on any page`, { timeout: 600_000 }, async () => {
    const page = await signedInPage(browser, portal.baseUrl, user);
    try {
      const found: string[] = [];
      for (const path of ['/', ...(await navPaths(page)), ...MORE_PAGES]) {
        await settled(page, path);
        // The audit trail records requests as they happen, this walk's included: its records are
        // data, read once the page has shown them.
        if (path === '/audit') await readDataWords(portal.baseUrl, user, '/api/audit/events?limit=200', allowed);
        // Scheduled work (the missing-year warning) may notify after the walk began.
        if (path === '/notifications') await addNotificationWords(portal.baseUrl, user, allowed);
        for (const word of untranslatedWords(await visibleText(page), allowed)) found.push(`${path}: ${word}`);
      }
      assert.deepEqual(found, [], `English in the Chinese UI as ${user}:\n${found.join('\n')}`);
    } finally {
      await page.context().close();
    }
  });

  test(`${role} (${user}) in English: the sidebar and home speak English`, { timeout: 300_000 }, async () => {
    const page = await signedInPage(browser, portal.baseUrl, user);
    try {
      await page.getByTestId('language-toggle').click();
      await page.getByText(/^Welcome, /).waitFor();
      const labels = await page.locator('nav a[href^="/"]').allInnerTexts();
      const chinese = labels.filter(label => /\p{Script=Han}/u.test(label));
      assert.deepEqual(chinese, [], `Chinese in the English sidebar as ${user}`);
      assert.match(await page.title(), /Court Ops Portal/);
    } finally {
      await page.context().close();
    }
  });
}
