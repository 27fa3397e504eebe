import { TICKET_TYPE_RULES, TicketType } from './types';

/** INC-2026: the counter a type's numbers are drawn from in a year of filing. */
export function ticketNumberCounter(type: TicketType, year: number): string {
  return `${TICKET_TYPE_RULES[type].numberPrefix}-${year}`;
}

/** INC-2026-00042: type prefix, year of filing in the court's zone, sequence. */
export function formatTicketNumber(
  type: TicketType,
  year: number,
  sequence: number,
): string {
  return `${ticketNumberCounter(type, year)}-${String(sequence).padStart(
    5,
    '0',
  )}`;
}

const NUMBER = /^([A-Z]{2,4})-(\d{4})-(\d{5,})$/;

/** Whether `value` looks like a ticket number rather than an id. */
export function isTicketNumber(value: string): boolean {
  return NUMBER.test(value);
}
