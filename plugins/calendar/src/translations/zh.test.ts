import { calendarMessages } from '../translation';
import zh from './zh';

function flatten(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

describe('Simplified Chinese', () => {
  it('has every English message, with the same placeholders, and seven weekdays', () => {
    const chinese: Record<string, string> = zh;
    const placeholders = (text: string) =>
      (text.match(/{{\w+}}/g) ?? []).sort();
    const english = flatten(calendarMessages);
    expect(Object.keys(chinese).sort()).toEqual(
      english.map(([key]) => key).sort(),
    );
    for (const [key, text] of english) {
      expect([key, placeholders(chinese[key])]).toEqual([
        key,
        placeholders(text),
      ]);
    }
    expect(zh['preview.weekdays'].split(',')).toHaveLength(7);
  });
});
