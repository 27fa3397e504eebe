// Debian's Chromium for the browser tests, and signing in as an example user in its own context.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './portal.ts';

export const screenshots = join(repoRoot, 'test-results', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page signed in as `user` through the sign-in page, in a context of its own. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: string,
  viewport = { width: 1440, height: 1000 },
): Promise<Page> {
  // The court's people sit in Beijing: times typed into forms are local there, whatever the
  // machine running the test uses.
  const context = await browser.newContext({
    viewport,
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByTestId(`sign-in-as-${user}`).click();
  await page.getByTestId('court-welcome').waitFor();
  return page;
}
