import { z } from 'zod';
import {
  createArticleRequestSchema,
  searchArticlesQuerySchema,
} from './schemas';
import { formatArticleId, parseArticleId } from './ids';

/** Each problem as `path: message` (the backend's parseInput prefixes the request part). */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`);
}

describe('article requests', () => {
  it('fills defaults and normalises entity refs', () => {
    expect(
      createArticleRequestSchema.parse({
        kind: 'how-to',
        title: ' 打印机卡纸 ',
        entityRefs: ['resource:printer-01'],
      }),
    ).toEqual({
      kind: 'how-to',
      title: '打印机卡纸',
      body: '',
      tags: [],
      language: 'zh',
      entityRefs: ['resource:default/printer-01'],
      ticketRefs: [],
      visibility: 'internal',
    });
  });

  it('names every bad field', () => {
    expect(
      problems(createArticleRequestSchema, {
        kind: 'known-error',
        title: '',
        entityRefs: ['user:xuli'],
        extra: 1,
      }),
    ).toEqual([
      'title: is required',
      'entityRefs.0: must be a system or resource or component entity ref',
      ': Unrecognized key: "extra"',
    ]);
  });

  it('asks a known error for its parts, and refuses them on other kinds', () => {
    expect(
      problems(createArticleRequestSchema, { kind: 'known-error', title: 'x' }),
    ).toContain('knownError: is required for a known error');
    expect(
      problems(createArticleRequestSchema, {
        kind: 'faq',
        title: 'x',
        knownError: { symptom: 'a', cause: 'b', workaround: 'c' },
      }),
    ).toContain('knownError: only a known error has these parts');
  });

  it('reads search lists repeated or comma-separated', () => {
    expect(
      searchArticlesQuerySchema.parse({ q: '打印机', kind: 'faq,how-to' }),
    ).toEqual({ q: '打印机', kind: ['faq', 'how-to'], limit: 20, offset: 0 });
  });

  it('formats and parses article ids', () => {
    expect(formatArticleId(42)).toBe('KB-00042');
    expect(parseArticleId('kb-00042')).toBe(42);
    expect(parseArticleId('KB-42')).toBeUndefined();
  });
});
