import type { DutyPost, Shift } from '@internal/plugin-duty-common';
import { DateTime } from 'luxon';

/** RFC 5545 TEXT: backslash, semicolon, comma and newline escaped. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, m => `\\${m}`).replace(/\r?\n/g, '\\n');
}

/** RFC 5545 DATE-TIME in UTC: 20260214T233000Z. */
function utc(instant: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).toFormat(
    "yyyyMMdd'T'HHmmss'Z'",
  );
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An engineer's shifts as an iCalendar feed their phone's calendar subscribes to. */
export function shiftsCalendar(options: {
  engineer: string;
  shifts: readonly Shift[];
  posts: readonly DutyPost[];
  stamp: string;
  host: string;
}): string {
  const postName = (id?: string) =>
    options.posts.find(p => p.id === id)?.name ?? id ?? '';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Court Ops Portal//Duty roster//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text('值班 · Duty')}`,
  ];
  for (const shift of options.shifts) {
    const summary =
      shift.kind === 'phone'
        ? '电话值班 · Phone duty'
        : `现场值班 ${postName(shift.post)} · On-site duty`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${shift.id}@${options.host}`,
      `DTSTAMP:${utc(options.stamp)}`,
      `DTSTART:${utc(shift.startsAt)}`,
      `DTEND:${utc(shift.endsAt)}`,
      `SUMMARY:${text(summary)}`,
      `SEQUENCE:${shift.version}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
