import { DateTime } from 'luxon';
import { warrantyStatus } from './warranty';

describe('warrantyStatus', () => {
  // 2026-11-27 00:30 in Shanghai is still 2026-11-26 in UTC: the court's own day must count.
  const now = DateTime.fromISO('2026-11-26T16:30:00Z');

  it('covers the whole last day', () => {
    expect(warrantyStatus('2026-11-27', now)).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(warrantyStatus('2026-11-26', now)).toEqual({ state: 'expired', daysLeft: -1 });
  });

  it('flags warranties ending within 90 days', () => {
    expect(warrantyStatus('2027-02-25', now)).toEqual({ state: 'expiring', daysLeft: 90 });
    expect(warrantyStatus('2027-02-26', now)).toEqual({ state: 'active', daysLeft: 91 });
  });
});
