import { DateTime } from 'luxon';
import { DailyWindow } from './config';

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Is `at` inside the daily window, read in `zone`? Start inclusive, end exclusive. */
export function inDailyWindow(
  at: DateTime,
  window: DailyWindow,
  zone: string,
): boolean {
  const local = at.setZone(zone);
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end
    ? minute >= start && minute < end
    : minute >= start || minute < end;
}

/** The instant the window around `at` ends; undefined when `at` is outside it. */
export function windowEnd(
  at: DateTime,
  window: DailyWindow,
  zone: string,
): DateTime | undefined {
  if (!inDailyWindow(at, window, zone)) return undefined;
  const local = at.setZone(zone);
  const end = minutesOf(window.end);
  let endsAt = local
    .startOf('day')
    .set({ hour: Math.floor(end / 60), minute: end % 60 });
  if (endsAt <= local) endsAt = endsAt.plus({ days: 1 });
  return endsAt.toUTC();
}
