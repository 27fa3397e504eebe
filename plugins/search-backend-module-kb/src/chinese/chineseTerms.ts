import type { SearchAnalyzer } from '@internal/plugin-kb-node';

/**
 * Chinese for Backstage search. Neither of its engines splits Chinese into
 * words: PostgreSQL keeps a run of Han characters as one lexeme, and Lunr's
 * trimmer deletes Han characters altogether. Both do match a query as the
 * prefix of an indexed term, so each document also carries the suffixes of
 * its Han runs (核心交换机 → 核心交换机 心交换机 交换机 换机 机): a query for
 * any piece of the run is the prefix of one of them. The runs are those of
 * the kb search analysis (folded, synonyms read as their group's first
 * word), so both search boxes read 投影机 and 没 as 投影仪 and 无.
 */

/** Longest suffix kept: queries up to this many characters find any piece of a run. */
export const MAX_SUFFIX = 8;

/** The suffixes of every Han run, at most MAX_SUFFIX characters each, distinct. */
export function hanSuffixes(text: string, analyzer: SearchAnalyzer): string[] {
  const suffixes = new Set<string>();
  for (const run of analyzer.canonicalText(text).split(' ')) {
    if (!/\p{Script=Han}/u.test(run)) continue;
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      suffixes.add(chars.slice(i, i + MAX_SUFFIX).join(''));
    }
  }
  return [...suffixes];
}

/**
 * The document's Latin words as the analysis reads them: full-width folded
 * (ＵＰＳ → ups), synonyms made canonical. Lunr and PostgreSQL index the
 * title and text as typed; these let a folded query find them.
 */
export function latinWords(text: string, analyzer: SearchAnalyzer): string[] {
  return [
    ...new Set(
      analyzer
        .canonicalText(text)
        .split(' ')
        .filter(word => word && !/\p{Script=Han}/u.test(word)),
    ),
  ];
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
