import { DateTime } from 'luxon';

/** The court's zone: instants are shown as the court reads its clocks. */
const COURT_ZONE = 'Asia/Shanghai';

/** An instant in the court's zone, to the minute. */
export function formatInstant(at: string): string {
  return DateTime.fromISO(at, { zone: COURT_ZONE }).toFormat(
    'yyyy-MM-dd HH:mm',
  );
}

/** A file size as a reader compares them: 820 B, 14.2 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
