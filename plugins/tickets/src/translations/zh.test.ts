import {
  CLOCK_NAMES,
  IMPACTS,
  PAUSE_REASONS,
  PRIORITY_LEVELS,
  URGENCIES,
} from '@internal/plugin-sla-common';
import {
  CALL_BACK_OUTCOMES,
  SERVICE_REQUEST_CATEGORIES,
  TICKET_ACTIONS,
  TICKET_CHANNELS,
  TICKET_LINK_RELATIONS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@internal/plugin-tickets-common';
import { ticketsMessages } from '../translation';
import zh from './zh';

const CHINESE = /[\u4e00-\u9fff]/;

describe('Simplified Chinese', () => {
  it.each([
    ['status', TICKET_STATUSES],
    ['type', TICKET_TYPES],
    ['level', PRIORITY_LEVELS],
    ['channel', TICKET_CHANNELS],
    ['pauseReason', PAUSE_REASONS],
    ['outcome', CALL_BACK_OUTCOMES],
    ['clock', CLOCK_NAMES],
    ['category', SERVICE_REQUEST_CATEGORIES],
    ['urgency', URGENCIES],
    ['impact', IMPACTS],
    ['action', TICKET_ACTIONS],
    ['linkRelation', TICKET_LINK_RELATIONS],
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
    const english = flatten(ticketsMessages);
    const chinese: Record<string, string> = zh;

    expect(Object.keys(chinese).sort()).toEqual(
      english.map(([key]) => key).sort(),
    );
    for (const [key, text] of english) {
      expect([key, placeholders(chinese[key])]).toEqual([
        key,
        placeholders(text),
      ]);
      expect([key, chinese[key].trim()]).not.toEqual([key, '']);
    }
  });
});
