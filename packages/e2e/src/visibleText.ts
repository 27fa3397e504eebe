// The visible text of a page, and the English words in it that a Chinese reader should not meet:
// shared by the language test and by anyone checking a page by hand.
import type { Page } from 'playwright-core';

/**
 * Latin words allowed in the Chinese UI: names of products and protocols, units, ids and the
 * abbreviations court staff use themselves. Everything else in Latin letters is untranslated UI.
 */
export const ALLOWED_LATIN: ReadonlySet<string> = new Set([
  // The language switch names the other language in that language.
  'English',
  'ENGLISH',
  // Abbreviations court staff and the contract use as they are.
  'SLA',
  'OA',
  'IT',
  'PC',
  'IP',
  'UPS',
  'LED',
  'KB',
  'HDMI',
  'USB',
  'VPN',
  'CPU',
  'PDF',
  'Excel',
  'Word',
  // Products and protocols named in the example court's articles and devices.
  'Windows',
  'Win',
  // Keyboard keys named in help text.
  'Shift',
  'Ctrl',
  'Enter',
  // The catalog model's kinds and relation types are identifiers, shown as they are in filters and graphs.
  'Component',
  'Components',
  'System',
  'Systems',
  'Resource',
  'Resources',
  'Group',
  'Groups',
  'User',
  'Users',
  'Domain',
  'Domains',
  'Location',
  'Locations',
  'Template',
  'Templates',
  'API',
  'APIs',
  'All',
  'apiConsumedBy',
  'apiProvidedBy',
  'childOf',
  'consumesApi',
  'dependencyOf',
  'dependsOn',
  'hasMember',
  'hasPart',
  'memberOf',
  'ownedBy',
  'ownerOf',
  'parentOf',
  'partOf',
  'providesApi',
  // Source of the official calendar's older years: an npm package's name.
  'chinese-days',
]);

/**
 * The text a person sees: every text node that takes up room on the screen (not the visually
 * hidden labels for screen readers), the placeholders of fields and the tab's title.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text) continue;
      const rect = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && style.display !== 'none') {
        parts.push(text);
      }
    }
    for (const el of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
      parts.push((el as HTMLInputElement).placeholder);
    }
    return parts.join('\n');
  });
}

/** Latin words of two letters or more that are not on the allow list, with a line of context each. */
export function untranslatedWords(text: string, allowed: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    // Ticket, change and document numbers, refs, e-mail addresses and URLs are data, not UI.
    const cleaned = line
      .replace(/\b[A-Z]{2,4}-\d{4}-\d{3,}\b/g, ' ')
      .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/\b(?:component|resource|system|group|user|domain|location|template):[\w/.-]+/gi, ' ');
    for (const word of cleaned.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []) {
      if (!allowed.has(word) && !allowed.has(word.toLowerCase())) found.add(`${word} ← ${line.trim().slice(0, 80)}`);
    }
  }
  return [...found];
}
