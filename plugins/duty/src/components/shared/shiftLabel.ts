import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { DutyPost, ShiftSlot } from '@internal/plugin-duty-common';
import { useCallback } from 'react';
import { dutyTranslationRef } from '../../translation';

/** A shift in words: its date and its post's name, or phone duty. */
export function useShiftLabel(
  posts: readonly DutyPost[],
): (shift: Pick<ShiftSlot, 'date' | 'kind' | 'post'>) => string {
  const { t } = useTranslationRef(dutyTranslationRef);
  return useCallback(
    shift =>
      `${shift.date} · ${
        shift.kind === 'phone'
          ? t('roster.phone')
          : posts.find(post => post.id === shift.post)?.name ?? shift.post ?? ''
      }`,
    [posts, t],
  );
}
