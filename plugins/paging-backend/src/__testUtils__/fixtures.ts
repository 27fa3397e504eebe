import { PageEvent, EscalationTier } from '@internal/plugin-paging-common';
import { randomUUID } from 'node:crypto';
import { NewDelivery } from '../database/PagingStore';

/** An L1 incident filed at 03:00 on a Sunday, Beijing time. */
export const NIGHT = '2026-12-06T03:00:00+08:00';

export function event(overrides: Partial<PageEvent> = {}): PageEvent {
  return {
    key: `ticket:${randomUUID()}:created`,
    kind: 'ticket-created',
    ticketId: randomUUID(),
    ticketNumber: 'INC-2026-00042',
    level: 'L1',
    title: '第三审判庭庭审音视频中断',
    place: '第三审判庭',
    deadline: '2026-12-05T19:30:00.000Z',
    at: NIGHT,
    ...overrides,
  };
}

export const TIERS: EscalationTier[] = [
  { role: 'on-call', recipients: ['user:default/zhangwei'] },
  { role: 'on-call', recipients: ['user:default/wangqiang'] },
  { role: 'ops-manager', recipients: ['group:default/ops-managers'] },
  { role: 'court-it-office', recipients: ['group:default/court-it-office'] },
];

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function codeOf(n: number): string {
  let code = '';
  for (
    let rest = n;
    code.length < 10;
    rest = Math.floor(rest / ALPHABET.length)
  ) {
    code = ALPHABET[rest % ALPHABET.length] + code;
  }
  return code;
}

let codes = 0;
export function delivery(
  recipient: string,
  overrides: Partial<NewDelivery> = {},
): NewDelivery {
  codes += 1;
  return {
    id: randomUUID(),
    tier: 0,
    recipient,
    route: [
      { channel: 'wecomApp', address: recipient.split('/')[1] },
      { channel: 'sms', address: '13800000000' },
    ],
    dueAt: '2026-12-05T19:00:00.000Z',
    ackCode: codeOf(codes),
    replyCode: String(100000 + codes),
    ...overrides,
  };
}
