import { useTranslationRef } from '@backstage/frontend-plugin-api';
// The court plugin exports its translation ref so device classes have one set of names, not a twin here.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { courtTranslationRef } from '@internal/plugin-court';
import { isDeviceClass } from '@internal/plugin-court-common';
import { useCallback } from 'react';
import { inspectionsMessages, inspectionsTranslationRef } from '../translation';

const isKey = <T extends object>(
  messages: T,
  id: string,
): id is string & keyof T => Object.prototype.hasOwnProperty.call(messages, id);

/**
 * Names in the reader's language for the ids plans and coverage carry: device
 * classes (the court catalog's names), component types and SLA calendars. An
 * id the portal has no name for (a calendar added in config) shows as is.
 */
export function useNames() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const { t: court } = useTranslationRef(courtTranslationRef);
  const deviceClass = useCallback(
    (id: string): string => {
      if (isDeviceClass(id)) return court(`deviceClass.${id}`);
      if (isKey(inspectionsMessages.componentType, id)) {
        return t(`componentType.${id}`);
      }
      return id;
    },
    [t, court],
  );
  const calendar = useCallback(
    (id: string): string =>
      isKey(inspectionsMessages.calendarName, id)
        ? t(`calendarName.${id}`)
        : id,
    [t],
  );
  return { deviceClass, calendar };
}
