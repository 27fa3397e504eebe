import {
  FREQUENCIES,
  ITEM_VERDICTS,
} from '@internal/plugin-inspections-common';
import { inspectionsMessages } from '../translation';
import zh from './zh';

const CHINESE = /[\u4e00-\u9fff]/;

describe('Simplified Chinese', () => {
  it.each([
    ['frequency', FREQUENCIES],
    ['verdict', ITEM_VERDICTS],
    ['status', ['pending', 'passed', 'failed']],
  ])('labels every %s in Chinese', (group, values) => {
    const messages: Record<string, string | undefined> = zh;
    for (const value of values) {
      expect([`${group}.${value}`, messages[`${group}.${value}`]]).toEqual([
        `${group}.${value}`,
        expect.stringMatching(CHINESE),
      ]);
    }
  });

  it('has every English message, with the same placeholders', () => {
    const flatten = (messages: object, prefix = ''): [string, string][] =>
      Object.entries(messages).flatMap(([key, value]) =>
        typeof value === 'string'
          ? [[`${prefix}${key}`, value] as [string, string]]
          : flatten(value, `${prefix}${key}.`),
      );
    const placeholders = (text: string) =>
      (text.match(/{{\w+}}/g) ?? []).sort();
    const english = flatten(inspectionsMessages);
    const chinese: Record<string, string> = zh;
    expect(Object.keys(chinese).sort()).toEqual(
      english.map(([key]) => key).sort(),
    );
    for (const [key, text] of english) {
      expect([key, placeholders(chinese[key])]).toEqual([
        key,
        placeholders(text),
      ]);
    }
  });
});
