import { DateTime } from 'luxon';

/** The court's zone: instants are shown as the court reads its clocks. */
const COURT_ZONE = 'Asia/Shanghai';

/** An instant in the court's zone, to the minute. */
export function formatInstant(at: string): string {
  return DateTime.fromISO(at, { zone: COURT_ZONE }).toFormat('yyyy-MM-dd HH:mm');
}
