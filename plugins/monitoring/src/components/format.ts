import { DateTime } from 'luxon';

/** The court's zone: times are read as the court reads its clocks. */
const COURT_ZONE = 'Asia/Shanghai';

/** An instant as 2026-12-06 10:00 in the court's zone. */
export function courtTime(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true })
    .setZone(COURT_ZONE)
    .toFormat('yyyy-MM-dd HH:mm');
}
