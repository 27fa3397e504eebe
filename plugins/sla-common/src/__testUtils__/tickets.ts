import { PauseReason, TicketEvent } from '../clock/events';
import { Impact, Urgency } from '../policy/types';

/** Beijing wall-clock time `YYYY-MM-DDTHH:MM[:SS[.mmm]]` as a UTC instant. */
export function bj(local: string): string {
  const seconds = local.length === 16 ? ':00' : '';
  return new Date(`${local}${seconds}+08:00`).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const created = (
  local: string,
  urgency: Urgency,
  impact: Impact,
): TicketEvent => ({ type: 'created', at: bj(local), urgency, impact });

type PlainEvent = Exclude<
  TicketEvent['type'],
  'created' | 'paused' | 'priority-changed'
>;
export const event = (type: PlainEvent, local: string): TicketEvent => ({
  type,
  at: bj(local),
});

export const paused = (
  local: string,
  reason: PauseReason = 'waiting-part',
): TicketEvent => ({ type: 'paused', at: bj(local), reason });

export const reprioritised = (
  local: string,
  urgency: Urgency,
  impact: Impact,
): TicketEvent => ({
  type: 'priority-changed',
  at: bj(local),
  urgency,
  impact,
});
