import { InputError } from '@backstage/errors';
import {
  createArticleRequestSchema,
  parseInput,
  searchArticlesQuerySchema,
} from './schemas';
import { formatArticleId, parseArticleId } from './ids';

describe('article requests', () => {
  it('fills defaults and normalises entity refs', () => {
    expect(
      parseInput(
        createArticleRequestSchema,
        { kind: 'how-to', title: ' 打印机卡纸 ', entityRefs: ['resource:printer-01'] },
        'body',
      ),
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
    expect(() =>
      parseInput(
        createArticleRequestSchema,
        { kind: 'known-error', title: '', entityRefs: ['user:xuli'], extra: 1 },
        'body',
      ),
    ).toThrow(
      new InputError(
        'body.title: is required; body.entityRefs.0: must be a system or resource or component entity ref; body: Unrecognized key: "extra"',
      ),
    );
  });

  it('asks a known error for its parts, and refuses them on other kinds', () => {
    expect(() =>
      parseInput(createArticleRequestSchema, { kind: 'known-error', title: 'x' }, 'body'),
    ).toThrow('body.knownError: is required for a known error');
    expect(() =>
      parseInput(
        createArticleRequestSchema,
        {
          kind: 'faq',
          title: 'x',
          knownError: { symptom: 'a', cause: 'b', workaround: 'c' },
        },
        'body',
      ),
    ).toThrow('body.knownError: only a known error has these parts');
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
