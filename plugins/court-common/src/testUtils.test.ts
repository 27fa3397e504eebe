import fc from 'fast-check';
import { refused, taintedText } from './testUtils';

// The characters the hygiene rule must refuse, spelled out once more.
const isRefused = (code: number) =>
  code <= 0x1f ||
  (code >= 0x7f && code <= 0x9f) ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069) ||
  (code >= 0xd800 && code <= 0xdfff);

describe('text hygiene arbitraries', () => {
  it('refused gives one refused character, reaching every range', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(refused, char => {
        expect(char).toHaveLength(1);
        expect(isRefused(char.charCodeAt(0))).toBe(true);
        const code = char.charCodeAt(0);
        seen.add(
          code <= 0x1f
            ? 'C0'
            : code <= 0x9f
            ? 'DEL/C1'
            : code <= 0x202e
            ? 'bidi'
            : code <= 0x2069
            ? 'isolate'
            : 'surrogate',
        );
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([
      'C0',
      'DEL/C1',
      'bidi',
      'isolate',
      'surrogate',
    ]);
  });

  it('taintedText is the prefix and the alphabet with exactly one refused character', () => {
    fc.assert(
      fc.property(taintedText('卡纸', '打印机 1'), value => {
        expect(value.startsWith('卡纸')).toBe(true);
        const rest = [...value.slice(2)].flatMap(c =>
          c.length === 1 ? [c] : c.split(''),
        );
        expect(rest.filter(c => isRefused(c.charCodeAt(0)))).toHaveLength(1);
        expect(
          rest.every(c => isRefused(c.charCodeAt(0)) || '打印机 1'.includes(c)),
        ).toBe(true);
      }),
    );
  });
});
