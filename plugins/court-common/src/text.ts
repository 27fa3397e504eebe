import { z } from 'zod';

/**
 * Text hygiene (issue 12): what a field may hold, one rule for every plugin.
 *
 * A single-line field (a title, a name, a number, a search text) holds no
 * control characters (C0 U+0000-U+001F, DEL, C1 U+0080-U+009F), no bidi
 * embeddings, overrides or isolates (U+202A-U+202E, U+2066-U+2069: they make
 * a queue show text reversed) and no lone surrogates (not text; PostgreSQL
 * would store a replacement character). A multi-line field keeps tabs and
 * line breaks but holds no other C0 control and no lone surrogate. NUL is
 * refused everywhere: PostgreSQL `text` cannot store it.
 */

/** Which characters a text field refuses. */
export type TextKind = 'single-line' | 'multi-line';

const BIDI_CONTROLS: readonly [number, number][] = [
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
const MULTI_LINE_KEEPS = new Set([0x09, 0x0a, 0x0d]);

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function refused(code: number, kind: TextKind): boolean {
  if (code === 0) return true;
  if (code < 0x20) return kind === 'single-line' || !MULTI_LINE_KEEPS.has(code);
  if (kind === 'multi-line') return false;
  if (code >= 0x7f && code <= 0x9f) return true;
  return BIDI_CONTROLS.some(([from, to]) => code >= from && code <= to);
}

/**
 * Why `value` does not fit a field of this kind, naming the first bad
 * character and where it is; undefined when it fits.
 */
export function textProblem(value: string, kind: TextKind): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `has a lone surrogate ${hex(code)} at position ${i}`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return `has a lone surrogate ${hex(code)} at position ${i}`;
    }
    if (refused(code, kind)) {
      return `must not contain the control character ${hex(
        code,
      )} (position ${i})${
        kind === 'single-line' && code !== 0
          ? ': it is a single-line field'
          : ''
      }`;
    }
  }
  return undefined;
}

function textSchema(kind: TextKind) {
  // Checked before trimming, so a control character at either end is refused too.
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * A single-line text field, trimmed; chain `.min()` / `.max()` as usual, e.g.
 * `singleLineText().min(1, 'is required').max(200)`.
 */
export function singleLineText() {
  return textSchema('single-line').trim();
}

/** A multi-line text field (descriptions, notes, comments), trimmed; tabs and line breaks kept inside. */
export function multiLineText() {
  return textSchema('multi-line').trim();
}

/**
 * A single-line string kept as given (no trimming): identifiers, cursors,
 * references whose exact value matters.
 */
export function singleLineString() {
  return textSchema('single-line');
}

/** A multi-line string kept as given (no trimming): Markdown, where indentation matters. */
export function multiLineString() {
  return textSchema('multi-line');
}
