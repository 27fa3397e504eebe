import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import {
  bigrams,
  canonicalWords,
  DEFAULT_SYNONYMS,
  latinTerm,
  QUERY_FILLERS,
  segment,
  SynonymGroup,
  SynonymTable,
} from '@internal/plugin-kb-common';
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Bumped when the analysis changes in code, so indexes built by an older one are rebuilt. */
const ANALYSIS_VERSION = 2;

/** A word of analysed text: Han (segmented by jieba) or Latin. */
export interface AnalysedWord {
  readonly text: string;
  readonly han: boolean;
}

/** `kb.search` in app-config, read by the kb backend and the search module alike. */
export const searchAnalysisConfigSchema = z
  .strictObject({
    /** Groups of words that mean the same; the first is how the index spells them. Replaces the defaults. */
    synonyms: z
      .array(z.array(z.string().trim().min(1)).min(2, 'a group needs two words at least'))
      .default(DEFAULT_SYNONYMS.map(group => [...group])),
  })
  .prefault({});

let shared: Jieba | undefined;
/** One segmenter per process: loading the dictionary takes about 0.1 s. */
function segmenter(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/**
 * The knowledge base's search analysis, one for the kb index and Backstage
 * search alike: text folded (full-width to half-width, lower case), Chinese
 * cut into words by jieba, synonyms read as their group's first word; the
 * index keeps character pairs, single characters and words of three
 * characters or more, a query asks for its words without the filler.
 */
export class SearchAnalyzer {
  private readonly synonyms: SynonymTable;
  /** Changes whenever the terms of some text would: code version and synonym table. */
  readonly fingerprint: string;

  constructor(groups: readonly SynonymGroup[] = DEFAULT_SYNONYMS) {
    const jieba = segmenter();
    this.synonyms = new SynonymTable(groups, phrase =>
      segment(phrase).reduce(
        (n, s) => n + (s.han ? jieba.cut(s.text, false).length : 1),
        0,
      ),
    );
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([ANALYSIS_VERSION, this.synonyms.entries()]))
      .digest('hex')
      .slice(0, 16);
  }

  /** The words of a text in order, folded, segmented, synonyms made canonical. */
  words(text: string): AnalysedWord[] {
    const jieba = segmenter();
    const raw = segment(text).flatMap(s =>
      s.han ? jieba.cut(s.text, false) : [s.text],
    );
    return canonicalWords(raw, this.synonyms).map(word => ({
      text: word,
      han: /\p{Script=Han}/u.test(word),
    }));
  }

  /** The text as the analysis reads it: Han words joined in runs, Latin words apart. */
  canonicalText(text: string): string {
    return runsOf(this.words(text))
      .map(run => run.map(w => w.text).join(''))
      .join(' ');
  }

  /** The distinct terms a text is indexed under. */
  indexTerms(text: string): Set<string> {
    const terms = new Set<string>();
    for (const run of runsOf(this.words(text))) {
      if (!run[0].han) {
        const term = latinTerm(run[0].text);
        if (term) terms.add(term);
        continue;
      }
      const chars = [...run.map(w => w.text).join('')];
      for (const pair of bigrams(chars)) terms.add(pair);
      for (const char of chars) terms.add(char);
      for (const word of run) {
        if ([...word.text].length >= 3) terms.add(word.text);
      }
    }
    return terms;
  }

  /** A question's words without its filler: what it is about. */
  queryWords(query: string): AnalysedWord[] {
    return this.words(query).filter(word =>
      word.han ? !QUERY_FILLERS.has(word.text) : latinTerm(word.text),
    );
  }

  /**
   * The distinct terms a query looks for: each word of two characters as
   * it is, a longer one as itself and its pairs (an article may have cut it
   * otherwise), a single character alone; Latin words lower case. No pair
   * spans two words, so 投影仪无画面 does not ask for 仪无.
   */
  queryTerms(query: string): string[] {
    const terms = new Set<string>();
    for (const word of this.queryWords(query)) {
      if (!word.han) {
        terms.add(latinTerm(word.text)!);
        continue;
      }
      const chars = [...word.text];
      terms.add(word.text);
      if (chars.length >= 3) for (const pair of bigrams(chars)) terms.add(pair);
    }
    return [...terms];
  }
}

/** Consecutive Han words as one run; each Latin word a run of its own. */
function runsOf(words: readonly AnalysedWord[]): AnalysedWord[][] {
  const runs: AnalysedWord[][] = [];
  for (const word of words) {
    const last = runs[runs.length - 1];
    if (word.han && last?.[0].han) last.push(word);
    else runs.push([word]);
  }
  return runs;
}
