import fc from 'fast-check';

/**
 * Characters no single-line field holds (the court's text hygiene rule):
 * C0 controls, DEL, C1 controls, bidi embeddings and isolates, lone
 * surrogates. Written out here rather than taken from the rule, so a test
 * built on it fails when the rule lets one of them through.
 */
export const refused: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map(code => String.fromCharCode(code));

/**
 * Ordinary text of a family's own words (`prefix`, then characters of
 * `alphabet`) with one refused character somewhere in it.
 */
export function taintedText(
  prefix: string,
  alphabet: string,
): fc.Arbitrary<string> {
  const text = fc.string({
    unit: fc.constantFrom(...alphabet.split('')),
    maxLength: 8,
  });
  return fc
    .tuple(text, refused, text)
    .map(([before, bad, after]) => `${prefix}${before}${bad}${after}`);
}

/** A single-line field of an API: its name in a 400, and how to send it a value. */
export type SingleLineField = readonly [
  field: string,
  send: (value: string) => PromiseLike<{
    status: number;
    body?: { error?: { message?: string } };
  }>,
];

/**
 * The text-hygiene property of a family's API: every field, sent a `tainted`
 * value, answers 400 with a message naming the field (`body.title: …`).
 */
export async function assertRefusedInEveryField(
  fields: readonly SingleLineField[],
  tainted: fc.Arbitrary<string>,
  options: { numRuns: number },
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: fields.length - 1 }),
      tainted,
      async (i, value) => {
        const [field, send] = fields[i];
        // A URL cannot carry a lone surrogate (it is sent as U+FFFD).
        fc.pre(!field.startsWith('query.') || !/[\ud800-\udfff]/.test(value));
        const res = await send(value);
        const message = res.body?.error?.message ?? '';
        if (res.status !== 400 || !message.includes(`${field}: `)) {
          throw new Error(
            `${field}: expected a 400 naming the field, got ${res.status} ${message}`,
          );
        }
      },
    ),
    // The report names the field and what came back, not only the value.
    { ...options, includeErrorInReport: true },
  );
}
