import fc from 'fast-check';
import {
  assertRefusedInEveryField,
  refused,
  SingleLineField,
  taintedText,
} from './testUtils';

// The characters the hygiene rule must refuse, spelled out once more.
const RANGES: [string, number, number][] = [
  ['C0', 0, 0x1f],
  ['DEL/C1', 0x7f, 0x9f],
  ['bidi', 0x202a, 0x202e],
  ['isolate', 0x2066, 0x2069],
  ['surrogate', 0xd800, 0xdfff],
];
const rangeOf = (char: string) => {
  const code = char.charCodeAt(0);
  return RANGES.find(([, from, to]) => code >= from && code <= to)?.[0];
};

describe('text hygiene arbitraries', () => {
  it('refused gives one refused character, reaching every range', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(refused, char => {
        expect(char).toHaveLength(1);
        const range = rangeOf(char);
        expect(range).toBeDefined();
        seen.add(range!);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual(RANGES.map(([name]) => name).sort());
  });

  it('taintedText is the prefix and the alphabet with exactly one refused character', () => {
    fc.assert(
      fc.property(taintedText('卡纸', '打印机 1'), value => {
        expect(value.startsWith('卡纸')).toBe(true);
        // Code units, so a lone surrogate counts as itself.
        const rest = value.slice(2).split('');
        expect(rest.filter(c => rangeOf(c))).toHaveLength(1);
        expect(rest.every(c => rangeOf(c) || '打印机 1'.includes(c))).toBe(
          true,
        );
      }),
    );
  });

  describe('assertRefusedInEveryField', () => {
    const refusing = (field: string): SingleLineField => [
      field,
      async () => ({
        status: 400,
        body: { error: { message: `${field}: has a control character` } },
      }),
    ];
    const tainted = taintedText('卡纸', '打印机');

    it('passes when every field answers 400 naming itself', async () => {
      await expect(
        assertRefusedInEveryField(
          [refusing('body.title'), refusing('query.q')],
          tainted,
          { numRuns: 50 },
        ),
      ).resolves.toBeUndefined();
    });

    it('fails when a field takes the value', async () => {
      const taking: SingleLineField = [
        'body.owner',
        async () => ({ status: 201 }),
      ];
      await expect(
        assertRefusedInEveryField([refusing('body.title'), taking], tainted, {
          numRuns: 50,
        }),
      ).rejects.toThrow(
        /body\.owner: expected a 400 naming the field, got 201/,
      );
    });

    it('fails when the 400 names another field', async () => {
      const [, wrong] = refusing('body.title');
      await expect(
        assertRefusedInEveryField([['body.tags.0', wrong]], tainted, {
          numRuns: 10,
        }),
      ).rejects.toThrow(/body\.tags\.0: expected a 400/);
    });

    it('never sends a query field a lone surrogate, which a URL cannot carry', async () => {
      const sent: string[] = [];
      await assertRefusedInEveryField(
        [
          [
            'query.q',
            async value => {
              sent.push(value);
              return {
                status: 400,
                body: { error: { message: 'query.q: bad' } },
              };
            },
          ],
        ],
        fc.constantFrom('a\ud800', 'a\u0000'),
        { numRuns: 20 },
      );
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every(value => value === 'a\u0000')).toBe(true);
    });
  });
});
