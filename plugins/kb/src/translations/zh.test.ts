import { ARTICLE_KINDS, KNOWN_ERROR_SECTIONS } from '@internal/plugin-kb-common';
import { kbMessages } from '../translation';
import zh from './zh';

const CHINESE = /[\u4e00-\u9fff]/;

function flatten(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

describe('Simplified Chinese', () => {
  const chinese: Record<string, string> = zh;

  it('labels every kind and known-error part in Chinese', () => {
    for (const key of [
      ...ARTICLE_KINDS.map(kind => `kind.${kind}`),
      ...KNOWN_ERROR_SECTIONS.map(section => `field.${section}`),
    ]) {
      expect([key, chinese[key]]).toEqual([key, expect.stringMatching(CHINESE)]);
    }
  });

  it('has every English message, with the same placeholders', () => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
    const english = flatten(kbMessages);
    expect(Object.keys(chinese).sort()).toEqual(english.map(([key]) => key).sort());
    for (const [key, text] of english) {
      expect([key, placeholders(chinese[key])]).toEqual([key, placeholders(text)]);
    }
  });
});
