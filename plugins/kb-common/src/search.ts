/**
 * The knowledge base's tokeniser, the same in the browser, the backend and
 * the search collator. Chinese has no spaces between words, so a run of Han
 * characters is indexed as its overlapping character pairs (bigrams):
 * 打印机卡纸 → 打印 印机 机卡 卡纸, and a query 打印机 → 打印 印机 finds it. Each
 * character is indexed alone as well, for one-character queries (机). Latin
 * text is lower-cased words.
 */

import { fold } from './analysis';

/** A run of text of one script: Han characters, or a Latin/digit word. */
export interface Segment {
  readonly text: string;
  readonly han: boolean;
}

// Han runs, or runs of letters and digits that are not Han.
const SEGMENTS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Longest Latin term kept, in characters: longer words are cut, not dropped. */
const MAX_TERM_LENGTH = 32;

// Words too common to tell articles apart; Chinese needs no list, as its
// pairs of characters are rarely this common.
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'can',
  'do',
  'for',
  'from',
  'how',
  'if',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'what',
  'when',
  'with',
]);

/** Full-width letters folded to ASCII, lower case, split by script. */
export function segment(text: string): Segment[] {
  const normal = fold(text);
  const segments: Segment[] = [];
  for (const match of normal.matchAll(SEGMENTS)) {
    if (match[1]) {
      segments.push({ text: match[1], han: true });
    } else {
      segments.push({ text: match[2], han: false });
    }
  }
  return segments;
}

/** A Latin word worth indexing: not a stop word, not a lone letter. */
export function latinTerm(word: string): string | undefined {
  if (STOP_WORDS.has(word)) return undefined;
  if (word.length === 1 && !/\p{N}/u.test(word)) return undefined;
  return [...word].slice(0, MAX_TERM_LENGTH).join('');
}

/** The pairs of a Han run, in order: 打印机 → 打印 印机. */
export function bigrams(chars: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    pairs.push(chars[i] + chars[i + 1]);
  }
  return pairs;
}

/** The distinct terms a text is indexed under. */
export function indexTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const { text: run, han } of segment(text)) {
    if (han) {
      const chars = [...run];
      for (const pair of bigrams(chars)) terms.add(pair);
      for (const char of chars) terms.add(char);
    } else {
      const term = latinTerm(run);
      if (term) terms.add(term);
    }
  }
  return terms;
}

/**
 * The distinct terms a query looks for, in the order written: the pairs of
 * each Han run (the character itself for a run of one), and Latin words.
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const { text: run, han } of segment(query)) {
    if (han) {
      const chars = [...run];
      for (const term of chars.length === 1 ? chars : bigrams(chars)) {
        terms.add(term);
      }
    } else {
      const term = latinTerm(run);
      if (term) terms.add(term);
    }
  }
  return [...terms];
}

/**
 * How many of a query's terms an article must contain: all of one or two,
 * two thirds of more, so a long query still finds an article that words it
 * differently while a pair shared by chance (系统) does not make a match.
 */
export function minimumMatch(termCount: number): number {
  return termCount <= 2 ? termCount : Math.ceil((termCount * 2) / 3);
}

/** The words of a query as a reader sees them, for finding and marking them in text. */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      segment(query)
        .map(s => s.text)
        .filter(word => word.length > 1 || /[\p{Script=Han}\p{N}]/u.test(word)),
    ),
  ];
}
