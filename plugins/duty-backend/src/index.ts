/**
 * Court Ops Portal duty backend: rosters, swaps, leave, attendance, who is on call now, calendar
 * feeds and the duty room's QR code (/api/duty).
 *
 * @packageDocumentation
 */

export { dutyPlugin as default } from './plugin';
export { DutyStore } from './database/DutyStore';
