/**
 * Court Ops Portal duty roster, leave, attendance, who is on call now, major-event assurance.
 *
 * @packageDocumentation
 */

export {};
