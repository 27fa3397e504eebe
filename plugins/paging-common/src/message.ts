import { DateTime } from 'luxon';
import { PageEvent, PageEventKind } from './model';

/**
 * At most this many characters: two concatenated SMS segments, of Chinese
 * text (UCS-2, 67 each) or of plain English (GSM 7-bit, 153 each).
 */
export const PAGE_MAX_CHARS = { zh: 134, en: 306 } as const;

const KIND_LABEL: Record<'zh' | 'en', Record<PageEventKind, string>> = {
  zh: {
    'ticket-created': '紧急工单',
    'sla-breach': 'SLA超时',
    'alert-storm': '告警风暴',
    'major-event': '重大事件',
  },
  en: {
    'ticket-created': 'Urgent ticket',
    'sla-breach': 'SLA breach',
    'alert-storm': 'Alert storm',
    'major-event': 'Major event',
  },
};

const WORDS = {
  zh: {
    brand: '【法院运维】',
    escalated: '[升级]',
    place: '地点',
    due: '时限',
    ack: '确认',
    reply: '或回复',
  },
  en: {
    brand: '[Court Ops] ',
    escalated: '[escalated]',
    place: 'at',
    due: 'due',
    ack: 'ack',
    reply: 'or reply',
  },
} as const;

export interface PageText {
  /** A subject line (e-mail, the robot's first line). */
  readonly subject: string;
  /** The whole text, at most {@link PAGE_MAX_CHARS} characters. */
  readonly text: string;
}

/** Cut to `max` characters (code points), marking the cut. */
function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return max <= 0 ? '' : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The page as people read it on a phone: kind, level, ticket number, place,
 * the deadline in the court's local time, the acknowledgement link and the
 * SMS reply code; the title fills what room is left.
 */
export function formatPage(
  event: Pick<
    PageEvent,
    'kind' | 'level' | 'ticketNumber' | 'title' | 'place' | 'deadline'
  >,
  options: {
    zone: string;
    language: 'zh' | 'en';
    ackUrl: string;
    replyCode: string;
    escalated: boolean;
  },
): PageText {
  const w = WORDS[options.language];
  const length = (text: string) => [...text].length;
  const head = `${w.brand}${options.escalated ? w.escalated : ''}${
    event.level
  } ${KIND_LABEL[options.language][event.kind]} ${cut(event.ticketNumber, 20)}`;
  const deadline = event.deadline
    ? ` ${w.due}:${DateTime.fromISO(event.deadline, { setZone: true })
        .setZone(options.zone)
        .toFormat('MM-dd HH:mm')}`
    : '';
  const ack = ` ${w.ack}:${options.ackUrl} ${w.reply}${options.replyCode}`;
  // Place and title share what the fixed parts leave, the place first.
  let room =
    PAGE_MAX_CHARS[options.language] -
    length(head) -
    length(deadline) -
    length(ack);
  const placeLabel = ` ${w.place}:`;
  const place =
    event.place && room > length(placeLabel) + 1
      ? `${placeLabel}${cut(
          event.place,
          Math.min(16, room - length(placeLabel)),
        )}`
      : '';
  room -= length(place);
  const title = room > 2 ? ` ${cut(event.title, room - 1)}` : '';
  return {
    subject: `${head}${title}`,
    text: `${head}${title}${place}${deadline}${ack}`,
  };
}
