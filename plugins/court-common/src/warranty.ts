import { DateTime } from 'luxon';

/** Warranties ending within this many days are flagged so renewals can be budgeted in time. */
export const WARRANTY_EXPIRING_DAYS = 90;

export type WarrantyState = 'active' | 'expiring' | 'expired';

export interface WarrantyStatus {
  state: WarrantyState;
  /** Whole days from today to the last covered day; negative once expired. */
  daysLeft: number;
}

/**
 * The warranty covers its end date entirely, so a device is expired only from the day after, as
 * seen in the court's own time zone.
 */
export function warrantyStatus(
  warrantyEnd: string,
  now: DateTime,
  zone = 'Asia/Shanghai',
): WarrantyStatus {
  const today = now.setZone(zone).startOf('day');
  const end = DateTime.fromISO(warrantyEnd, { zone }).startOf('day');
  const daysLeft = Math.round(end.diff(today, 'days').days);
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  return {
    state: daysLeft <= WARRANTY_EXPIRING_DAYS ? 'expiring' : 'active',
    daysLeft,
  };
}
