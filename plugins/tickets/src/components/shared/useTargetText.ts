import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ClockRule } from '@internal/plugin-sla-common';
import { useCallback } from 'react';
import { useDurationFormat } from '../../format';
import { ticketsTranslationRef } from '../../translation';

const KNOWN_CALENDARS = [
  'always',
  'on-site-hours',
  'phone-duty',
  'working-days',
] as const;
type KnownCalendar = (typeof KNOWN_CALENDARS)[number];

/** A level's clock rule in words: "30 min of on-site hours", "8 h, counted from arrival". */
export function useTargetText() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const format = useDurationFormat();

  const calendar = useCallback(
    (id: string) =>
      KNOWN_CALENDARS.includes(id as KnownCalendar)
        ? t(`calendar.${id as KnownCalendar}`)
        : id,
    [t],
  );

  return useCallback(
    (rule: ClockRule | null): string => {
      if (!rule) return t('preview.noClock');
      if (rule.targetMs === null) return t('preview.noTarget');
      const target =
        rule.calendar === 'always'
          ? format.span(rule.targetMs)
          : t('preview.within', {
              target: format.span(rule.targetMs),
              calendar: calendar(rule.calendar),
            });
      const parts = [target];
      if (rule.startsAt === 'arrived') parts.push(t('preview.fromArrival'));
      if (rule.outsideHours && rule.outsideHours.targetMs !== null) {
        parts.push(
          t('preview.outsideHours', {
            target: format.span(rule.outsideHours.targetMs),
            hours: calendar(rule.outsideHours.hours),
          }),
        );
      }
      return parts.join('; ');
    },
    [t, format, calendar],
  );
}
