import { segment } from '@internal/plugin-kb-common';

/**
 * Chinese for Backstage search. Neither of its engines splits Chinese into
 * words: PostgreSQL keeps a run of Han characters as one lexeme, and Lunr's
 * trimmer deletes Han characters altogether. Both do match a query as the
 * prefix of an indexed term, so each document also carries the suffixes of
 * its Han runs (核心交换机 → 核心交换机 心交换机 交换机 换机 机): a query for
 * any piece of the run is the prefix of one of them.
 */

/** Longest suffix kept: queries up to this many characters find any piece of a run. */
export const MAX_SUFFIX = 8;

/** The Han runs of a text. */
export function hanRuns(text: string): string[] {
  return segment(text)
    .filter(s => s.han)
    .map(s => s.text);
}

/** The suffixes of every Han run, at most MAX_SUFFIX characters each, distinct. */
export function hanSuffixes(text: string): string[] {
  const suffixes = new Set<string>();
  for (const run of hanRuns(text)) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      suffixes.add(chars.slice(i, i + MAX_SUFFIX).join(''));
    }
  }
  return [...suffixes];
}

/**
 * Han text spelt in characters Lunr keeps as they are: `zh` and six digits
 * per character (its code point). Digits have no vowels, so Lunr's stemmer
 * leaves them alone, and the spelling of a prefix is the prefix of the
 * spelling.
 */
export function spellHan(text: string): string {
  return `zh${[...text]
    .map(c => String(c.codePointAt(0)).padStart(6, '0'))
    .join('')}`;
}
