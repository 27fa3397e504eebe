import fc from 'fast-check';
import {
  canonicalWords,
  DEFAULT_SYNONYMS,
  fold,
  oneEditAway,
  SynonymTable,
} from './analysis';

/** Edit distance with neighbours swapped counting one (optimal string alignment). */
function distance(a: string, b: string): number {
  // d[i][j]: distance between the first i letters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (__, j) => Math.max(i, j) * Number(i === 0 || j === 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

describe('the analysis’ pure parts', () => {
  it('folds full-width letters, digits and signs, and lower-cases', () => {
    expect(fold('ＵＰＳ　１号（机房）')).toBe('ups 1号(机房)');
  });

  it('reads each synonym as its group’s first word, longest phrase first', () => {
    const table = new SynonymTable(DEFAULT_SYNONYMS);
    expect(canonicalWords(['上', '不了', '网'], table)).toEqual(['网络中断']);
    expect(canonicalWords(['投影机', '没', '画面'], table)).toEqual(['投影仪', '无', '画面']);
    expect(canonicalWords(['没', '声音'], table)).toEqual(['无声音']);
    expect(canonicalWords(['召开', '会议'], table)).toEqual(['召开', '会议']);
    expect(canonicalWords(['PC'.toLowerCase()], table)).toEqual(['电脑']);
  });

  it('keeps the first group of a word that is in two', () => {
    const table = new SynonymTable([['甲', '乙'], ['丙', '乙']]);
    expect(canonicalWords(['乙', '丙'], table)).toEqual(['甲', '丙']);
  });

  it('offers exactly the words one edit away for 4 letters or more, none for shorter (property)', () => {
    expect(oneEditAway('ups')).toEqual([]);
    expect(oneEditAway('bakcup')).toContain('backup');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{4,8}$/), word => {
        const variants = oneEditAway(word);
        expect(variants).not.toContain(word);
        for (const variant of variants) expect(distance(word, variant)).toBe(1);
        // Every deletion is offered.
        const deletions = [...word].map((_, i) => word.slice(0, i) + word.slice(i + 1));
        expect(variants).toEqual(expect.arrayContaining(deletions));
      }),
      { numRuns: 50 },
    );
  });
});
