import fc from 'fast-check';
import { multiLineText, singleLineText, textProblem } from './text';

/** Characters every single-line field refuses. */
const singleLineRefused = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
);

/** Ordinary text: Chinese, Latin, digits, punctuation, astral characters (pairs). */
const fine = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'审判庭录音 ABC-01 (3F) #:/'.split('')),
    fc.constantFrom('😀', '𠀀'),
  ),
  maxLength: 20,
});

describe('text hygiene', () => {
  it('refuses every control, bidi or lone-surrogate character anywhere in a single-line field, naming it', () => {
    fc.assert(
      fc.property(fine, singleLineRefused, fine, (before, code, after) => {
        const value = `x${before}${String.fromCharCode(code)}${after}x`;
        const result = singleLineText().max(200).safeParse(value);
        expect(result.success).toBe(false);
        expect(result.error!.issues[0].message).toContain(
          `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
        );
      }),
    );
  });

  it('keeps ordinary text, surrogate pairs included, and trims it', () => {
    fc.assert(
      fc.property(fine, value => {
        expect(singleLineText().parse(` ${value} `)).toBe(value.trim());
        expect(multiLineText().parse(value)).toBe(value.trim());
      }),
    );
  });

  it('keeps tabs and line breaks in a multi-line field but never NUL, other C0 controls or lone surrogates', () => {
    expect(multiLineText().parse('第一行\n\t第二行\r\n第三行')).toBe(
      '第一行\n\t第二行\r\n第三行',
    );
    fc.assert(
      fc.property(
        fine,
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 0x0b, max: 0x0c }),
          fc.integer({ min: 0x0e, max: 0x1f }),
          fc.integer({ min: 0xd800, max: 0xdfff }),
        ),
        (text, code) => {
          const value = `${text}${String.fromCharCode(code)}${text}`;
          expect(multiLineText().safeParse(value).success).toBe(false);
        },
      ),
    );
    // A tab or newline is a control character in a title.
    expect(textProblem('a\tb', 'single-line')).toContain('U+0009');
    expect(textProblem('a\nb', 'single-line')).toContain('U+000A');
  });

  it('tells a lone high surrogate at the end from a pair', () => {
    expect(textProblem('a\ud83d', 'single-line')).toContain('lone surrogate');
    expect(textProblem('a\ude00b', 'multi-line')).toContain('lone surrogate');
    expect(textProblem('a\ud83d\ude00', 'single-line')).toBeUndefined();
  });
});
