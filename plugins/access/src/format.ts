import { DateTime } from 'luxon';

/** The court's zone: grants are shown in the court's time wherever the browser is. */
export const COURT_ZONE = 'Asia/Shanghai';

/** `12-05 10:00` in the court's zone. */
export function courtTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(COURT_ZONE)
    .toFormat('MM-dd HH:mm');
}

/** `user:default/liuyang` → `liuyang`. */
export function shortRef(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
