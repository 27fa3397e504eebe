import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { warrantyStatus } from '@internal/plugin-court-common';
import { DateTime } from 'luxon';
import { courtTranslationRef } from '../translation';

const colours = { active: 'inherit', expiring: '#b26a00', expired: '#c62828' } as const;

export function WarrantyText({ warrantyEnd }: { warrantyEnd?: string }) {
  const { t } = useTranslationRef(courtTranslationRef);
  if (!warrantyEnd) return <>{t('deviceFacts.warrantyUnknown')}</>;
  const status = warrantyStatus(warrantyEnd, DateTime.now());
  const text =
    status.state === 'expired'
      ? t('deviceFacts.warrantyExpired', { date: warrantyEnd, days: String(-status.daysLeft) })
      : t(status.state === 'expiring' ? 'deviceFacts.warrantyExpiring' : 'deviceFacts.warrantyActive', {
          date: warrantyEnd,
          days: String(status.daysLeft),
        });
  return (
    <span data-testid="warranty-status" data-state={status.state} style={{ color: colours[status.state] }}>
      {text}
    </span>
  );
}
